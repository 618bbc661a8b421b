using System.Text.Json;
using BootcImageBuilder.Cli.Progress;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Byte counts of an upload, as each progress view shows them.</summary>
public sealed class TransferProgressTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void The_terminal_view_draws_a_bar_with_percent_and_mebibytes()
    {
        using var view = new TerminalProgress(TextWriter.Null, 200);

        new TransferProgress(view, "Uploading image.tar.gz", 4 * MiB).Report(MiB);

        Assert.Equal(
            $"Uploading image.tar.gz [=========>{new string(' ', 30)}] 25 % (1.0 MiB / 4.0 MiB)",
            view.Frame()[1]);
    }

    [Fact]
    public void The_json_view_emits_a_progress_event_counting_bytes()
    {
        using var stdout = new StringWriter();

        new TransferProgress(new JsonProgress(stdout), "Uploading image.tar.gz", 300).Report(120);

        Assert.Equal(
            """{"type":"progress","level":0,"pipeline":null,"stage":null,"label":"Uploading image.tar.gz","done":120,"total":300,"unit":"bytes"}""",
            stdout.ToString().TrimEnd('\n'));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(stdout.ToString()).RootElement.ValueKind);
    }

    [Fact]
    public void The_verbose_view_writes_one_line_per_tenth()
    {
        using var stderr = new StringWriter();
        var bytes = new TransferProgress(new VerboseProgress(stderr), "Uploading image.tar.gz", 10 * MiB);

        foreach (var done in new[] { 0, MiB / 2, MiB, 3 * MiB / 2, 10 * MiB })
        {
            bytes.Report(done);
        }

        Assert.Equal(
            ["Uploading image.tar.gz: 0 % (0.0 MiB / 10.0 MiB)", "Uploading image.tar.gz: 10 % (1.0 MiB / 10.0 MiB)", "Uploading image.tar.gz: 100 % (10.0 MiB / 10.0 MiB)"],
            stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
