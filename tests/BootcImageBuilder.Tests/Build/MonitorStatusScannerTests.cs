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
    public async Task A_successful_run_reports_every_stage_of_both_pipelines_in_order()
    {
        var statuses = await ScanAsync(Recordings.Read("two-pipelines.jsonseq"));

        Assert.Equal(
            ["image/org.osbuild.mkdir", "image/org.osbuild.mkdir", "image/org.osbuild.truncate", "archive/org.osbuild.tar"],
            statuses.Where(s => s.Result is not null).Select(s => $"{s.Result!.Pipeline}/{s.Result.Stage}"));
        Assert.All(statuses.Where(s => s.Result is not null), s => Assert.True(s.Result!.Success));
    }

    [Fact]
    public async Task Monitor_messages_are_messages_and_stage_output_is_trace()
    {
        var statuses = await ScanAsync(Recordings.Read("two-pipelines.jsonseq"));

        Assert.Contains(statuses, s => s.Message == "Starting pipeline image");
        Assert.Contains(statuses, s => s.Message == "Starting module org.osbuild.truncate");
        Assert.Contains(statuses, s => s.Trace == "starting -");
        Assert.DoesNotContain(statuses, s => s.Message.Length > 0 && s.Trace.Length > 0);
    }

    [Fact]
    public async Task Levels_are_labelled_by_pipeline_then_stage()
    {
        var statuses = await ScanAsync(Recordings.Read("two-pipelines.jsonseq"));

        var truncate = statuses.First(s => s.Message == "Starting module org.osbuild.truncate");
        Assert.Equal(
            [new ProgressLevel("Pipeline image", 0, 2), new ProgressLevel("Stage org.osbuild.truncate", 2, 3)],
            truncate.Levels);
    }

    [Fact]
    public async Task Contexts_sent_once_are_remembered_by_id()
    {
        var text = Recordings.Read("failing-stage.jsonseq");
        var finishedChmod = text.Split('\x1e').Single(r => r.Contains("\"Finished module org.osbuild.chmod\"", StringComparison.Ordinal));
        Assert.Matches("\"context\": \\{\"id\": \"[0-9a-f]+\"\\}", finishedChmod);

        var statuses = await ScanAsync(text);

        Assert.Equal("tree", statuses.Single(s => s.Result?.Stage == "org.osbuild.chmod").Pipeline);
    }

    [Fact]
    public async Task A_failing_stage_reports_its_output()
    {
        var statuses = await ScanAsync(Recordings.Read("failing-stage.jsonseq"));

        var failed = Assert.Single(statuses, s => s.Result is { Success: false });
        Assert.Equal("tree", failed.Result!.Pipeline);
        Assert.Equal("org.osbuild.chmod", failed.Result.Stage);
        Assert.Contains("No such file or directory", failed.Result.Output, StringComparison.Ordinal);
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
    public async Task An_empty_stream_has_no_status()
    {
        Assert.Empty(await ScanAsync(""));
    }
}
