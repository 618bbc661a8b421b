using BootcImageBuilder.Cli.Progress;

namespace BootcImageBuilder.Cli.Tests;

public class ByteProgressBarTests
{
    [Fact]
    public void A_frame_shows_counts_bar_percentage_and_speed()
    {
        var line = ByteProgressBar.Line(64L << 20, 256L << 20, TimeSpan.FromSeconds(2));

        Assert.Equal("64.00 MiB / 256.00 MiB [=========>______________________________] 25.00% 32.00 MiB/s", line);
    }

    [Fact]
    public void Without_a_terminal_it_writes_a_line_per_tenth_and_the_last_at_100_percent()
    {
        var output = new StringWriter();
        var bar = new ByteProgressBar(output, 1000, redraw: false);

        foreach (var done in new long[] { 10, 50, 120, 130, 990, 1000, 1000 })
        {
            bar.Report(done);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("] 1.00% ", lines[0], StringComparison.Ordinal);
        Assert.Contains("] 12.00% ", lines[1], StringComparison.Ordinal);
        Assert.Contains("] 99.00% ", lines[2], StringComparison.Ordinal);
        Assert.Contains("] 100.00% ", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_it_redraws_in_place_and_ends_the_line_when_done()
    {
        var output = new StringWriter();
        var bar = new ByteProgressBar(output, 100, redraw: true);

        bar.Report(100);

        Assert.Matches(@"^\r[^\r\n]*\] 100\.00% [^\r\n]*\n$", output.ToString());
    }

    [Fact]
    public void On_a_terminal_the_first_report_below_the_total_is_drawn()
    {
        var output = new StringWriter();
        var bar = new ByteProgressBar(output, 100, redraw: true);

        bar.Report(10);

        Assert.Matches(@"^\r[^\r\n]*\] 10\.00% [^\r\n]*$", output.ToString());
    }

    [Fact]
    public void As_json_the_first_report_below_the_total_is_an_event_and_the_next_ones_are_paced()
    {
        using var stdout = new StringWriter();
        var bytes = new JsonByteProgress(new JsonProgress(stdout), "Uploading disk.raw", 100);

        foreach (var done in new long[] { 10, 20, 100 })
        {
            bytes.Report(done);
        }

        var reported = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("done").GetInt64());
        Assert.Equal([10L, 100L], reported);
    }
}
