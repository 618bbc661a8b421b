using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Tests.Build;

public class MonitorStatusScannerTests
{
    private static async Task<List<MonitorStatus>> ScanAsync(string text)
    {
        var scanner = new MonitorStatusScanner(new StringReader(text));
        var all = new List<MonitorStatus>();
        while (await scanner.ReadAsync(CancellationToken.None) is { } status)
        {
            all.Add(status);
        }

        return all;
    }

    [Fact]
    public async Task A_successful_run_reports_every_stage_the_exports_need_in_manifest_order()
    {
        var statuses = await ScanAsync(Recordings.Read(Recordings.Success));

        var expected = Recordings.StagesBuiltFor(Recordings.Success, "image", "gce");
        Assert.Equal(
            expected.Select(s => $"{s.Pipeline}/{s.Stage}"),
            statuses.Where(s => s.Result is not null && !s.Result.Pipeline.StartsWith("source ", StringComparison.Ordinal)).Select(s => $"{s.Result!.Pipeline}/{s.Result.Stage}"));
        Assert.All(statuses.Where(s => s.Result is not null), s => Assert.True(s.Result!.Success));
    }

    [Fact]
    public async Task Monitor_messages_are_messages_and_stage_output_is_trace()
    {
        var statuses = await ScanAsync(Recordings.Read(Recordings.Success));

        Assert.Contains(statuses, s => s.Message == "Starting pipeline image");
        Assert.Contains(statuses, s => s.Message == "Starting module org.osbuild.bootc.install-to-filesystem");
        Assert.Contains(statuses, s => s.Trace == "starting -");
        Assert.Contains(statuses, s => s.Trace.Contains("bootc stand-in: installing to", StringComparison.Ordinal));
        Assert.DoesNotContain(statuses, s => s.Message.Length > 0 && s.Trace.Length > 0);
    }

    [Fact]
    public async Task Levels_count_pipelines_then_the_stages_of_the_running_pipeline()
    {
        var statuses = await ScanAsync(Recordings.Read(Recordings.Success));

        var image = Recordings.StagesBuiltFor(Recordings.Success, "image", "gce").Where(s => s.Pipeline == "image").ToList();
        var install = statuses.First(s => s.Message == "Starting module org.osbuild.bootc.install-to-filesystem");
        Assert.Equal(2, install.Levels.Count);
        Assert.Equal("Pipeline image", install.Levels[0].Label);
        Assert.Equal(
            new ProgressLevel("Stage org.osbuild.bootc.install-to-filesystem", image.FindIndex(s => s.Stage == "org.osbuild.bootc.install-to-filesystem"), image.Count),
            install.Levels[1]);
    }

    [Fact]
    public async Task Contexts_sent_once_are_remembered_by_id()
    {
        var text = Recordings.Read(Recordings.Failure);
        var finished = text.Split('\x1e').Single(r => r.Contains("\"Finished module org.osbuild.copy\"", StringComparison.Ordinal));
        Assert.Matches("\"context\": \\{\"id\": \"[0-9a-f]+\"\\}", finished);

        var statuses = await ScanAsync(text);

        Assert.Equal("image", statuses.Single(s => s.Result?.Stage == "org.osbuild.copy").Pipeline);
    }

    [Fact]
    public async Task A_failing_stage_reports_its_pipeline_and_output()
    {
        var statuses = await ScanAsync(Recordings.Read(Recordings.Failure));

        var failed = Assert.Single(statuses, s => s.Result is { Success: false });
        Assert.Equal("image", failed.Result!.Pipeline);
        Assert.Equal("org.osbuild.chown", failed.Result.Stage);
        Assert.Contains("'chown', 'no-such-user', '--', '/etc/owned-by-nobody-known'", failed.Result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(statuses, s => s.Result?.Stage is "org.osbuild.qemu");
    }

    [Fact]
    public async Task Garbage_is_reported_with_upstreams_hint()
    {
        var error = await Assert.ThrowsAsync<BibException>(() => ScanAsync("\x1e{\"message\": \"unterminated\n"));

        Assert.StartsWith(
            "error parsing osbuild status, please report a bug and try with \"--progress=verbose\": cannot scan line:",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_over_the_limit_is_refused_naming_the_limit()
    {
        var huge = "\x1e{\"message\": \"" + new string('x', MonitorStatusScanner.MaxRecordLength) + "\"}\n";

        var error = await Assert.ThrowsAsync<BibException>(() => ScanAsync("\x1e{\"message\": \"first\"}\n" + huge));

        Assert.Equal(
            "error parsing osbuild status, please report a bug and try with \"--progress=verbose\": a record is longer than 16 MiB",
            error.Message);
    }

    [Fact]
    public async Task A_record_just_under_the_limit_is_read()
    {
        var padding = new string('x', MonitorStatusScanner.MaxRecordLength - "\x1e{\"message\": \"\"}".Length);

        var status = Assert.Single(await ScanAsync("\x1e{\"message\": \"" + padding + "\"}\n"));

        Assert.Equal(padding, status.Trace);
    }

    [Fact]
    public async Task A_count_no_int_holds_is_a_parse_error()
    {
        var error = await Assert.ThrowsAsync<BibException>(() => ScanAsync("\x1e{\"progress\": {\"done\": 1e99, \"total\": 2}}\n"));

        Assert.StartsWith("error parsing osbuild status, please report a bug and try with \"--progress=verbose\": cannot scan line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_stream_has_no_status()
    {
        Assert.Empty(await ScanAsync(""));
    }
}
