using System.Text.Json;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>An upload as each <c>--progress</c> mode shows it: one byte bar, status and result lines.</summary>
public sealed class UploadViewTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void As_json_bytes_are_progress_events_and_lines_are_message_events()
    {
        using var stdout = new StringWriter();
        var view = new UploadView(ProgressMode.Json, new JsonProgress(stdout), stdout);

        view.Status("Uploading image.tar.gz to gs://b");
        view.Transfer("Uploading image.tar.gz", 300)!.Report(120);
        view.Result("GCE image registered: my-image");

        Assert.Equal(
            [
                """{"type":"message","message":"Uploading image.tar.gz to gs://b"}""",
                """{"type":"progress","level":0,"pipeline":null,"stage":null,"label":"Uploading image.tar.gz","done":120,"total":300,"unit":"bytes"}""",
                """{"type":"message","message":"GCE image registered: my-image"}""",
            ],
            stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Fact]
    public void Verbose_writes_the_lines_and_a_bar_line_per_tenth_on_stdout()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var view = new UploadView(ProgressMode.Verbose, new VerboseProgress(stderr), stdout);

        view.Status("Uploading disk.raw to b:k");
        var bytes = view.Transfer("Uploading my-ami", 10 * MiB)!;
        foreach (var done in new[] { MiB / 2, MiB, 3 * MiB / 2, 10 * MiB })
        {
            bytes.Report(done);
        }

        view.Result("GCE image registered: my-image");

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Uploading disk.raw to b:k", lines[0]);
        Assert.Matches(@"^0\.50 MiB / 10\.00 MiB \[.*\] 5\.00% ", lines[1]);
        Assert.Matches(@"^1\.00 MiB / 10\.00 MiB \[.*\] 10\.00% ", lines[2]);
        Assert.Matches(@"^10\.00 MiB / 10\.00 MiB \[=+\] 100\.00% ", lines[3]);
        Assert.Equal("GCE image registered: my-image", lines[4]);
        Assert.Equal(5, lines.Length);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void Debug_shows_no_bar_but_the_lines()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var view = new UploadView(ProgressMode.Debug, new DebugProgress(stderr), stdout);

        Assert.Null(view.Transfer("Uploading my-ami", 100));
        view.Status("Registering AMI my-ami");

        Assert.Equal("Registering AMI my-ami\n", stdout.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(stderr.ToString());
    }
}
