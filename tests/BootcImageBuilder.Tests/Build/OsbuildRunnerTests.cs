using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Tests.Build;

public sealed class OsbuildRunnerTests : IDisposable
{
    private const string Manifest = "{\"version\":\"2\",\"pipelines\":[]}";

    private readonly FakeOsbuild _osbuild = new();
    private readonly string _output = Directory.CreateTempSubdirectory("runner-out-").FullName;

    public void Dispose()
    {
        _osbuild.Dispose();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task Monitored_run_passes_upstreams_arguments_and_a_monitor_fd()
    {
        _osbuild.Replaying(Recordings.Success);

        await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "qcow2", "image"), _ => { }, CancellationToken.None);

        var args = _osbuild.RecordedArguments;
        Assert.Equal(
            ["--store", "/store", "--output-directory", _output, "--cache-max-size=21474836480", "-", "--export", "qcow2", "--export", "image", "--monitor=JSONSeqMonitor"],
            args.Take(11));
        Assert.Matches("^--monitor-fd=[0-9]+$", Assert.Single(args.Skip(11)));
    }

    [Fact]
    public async Task Checkpoints_follow_the_exports()
    {
        var invocation = _osbuild.Invocation("/store", _output, "qcow2") with { Checkpoints = ["build", "image", "qcow2"] };

        await FakeOsbuild.Runner.RunPassthroughAsync(Manifest, invocation, TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(
            ["-", "--export", "qcow2", "--checkpoint", "build", "--checkpoint", "image", "--checkpoint", "qcow2"],
            _osbuild.RecordedArguments.Skip(5));
    }

    [Fact]
    public async Task A_monitored_run_returns_the_pipelines_osbuild_started()
    {
        _osbuild.Replaying(Recordings.Success);

        var started = await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image", "gce"), _ => { }, CancellationToken.None);

        Assert.Equal(["source org.osbuild.skopeo", "build", "image", "gce"], started);
    }

    [Fact]
    public async Task The_manifest_goes_to_stdin()
    {
        await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, CancellationToken.None);

        Assert.Equal(Manifest, _osbuild.RecordedStdin);
    }

    [Fact]
    public async Task In_vm_runs_the_image_pipeline_in_a_vm()
    {
        var invocation = _osbuild.Invocation("/store", _output, "qcow2") with { InVm = true };

        await FakeOsbuild.Runner.RunPassthroughAsync(Manifest, invocation, TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal(["--export", "qcow2", "--in-vm", "image"], _osbuild.RecordedArguments.Skip(6));
    }

    [Fact]
    public async Task Extra_environment_reaches_osbuild()
    {
        _osbuild.Set("OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER", "1");

        await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, CancellationToken.None);

        Assert.Equal("OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER=1\n", _osbuild.RecordedEnvironment);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Mtls_keys_reach_osbuild_as_files_named_by_its_curl_variables(bool withCa)
    {
        var keys = new BootcImageBuilder.Depsolve.MtlsKeys("client key"u8.ToArray(), "client cert"u8.ToArray(), withCa ? "ca cert"u8.ToArray() : null);
        using var directory = BootcImageBuilder.Depsolve.MtlsKeyDirectory.Create(keys);
        foreach (var (name, value) in directory.Environment)
        {
            _osbuild.Set(name, value);
        }

        await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, CancellationToken.None);

        var recorded = _osbuild.RecordedEnvironment.TrimEnd('\n').Split('\n').Select(line => line.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(
            withCa ? ["OSBUILD_SOURCES_CURL_SSL_CA_CERT", "OSBUILD_SOURCES_CURL_SSL_CLIENT_CERT", "OSBUILD_SOURCES_CURL_SSL_CLIENT_KEY"] : ["OSBUILD_SOURCES_CURL_SSL_CLIENT_CERT", "OSBUILD_SOURCES_CURL_SSL_CLIENT_KEY"],
            recorded.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("client key", File.ReadAllText(recorded["OSBUILD_SOURCES_CURL_SSL_CLIENT_KEY"]));
        Assert.Equal("client cert", File.ReadAllText(recorded["OSBUILD_SOURCES_CURL_SSL_CLIENT_CERT"]));
        if (withCa)
        {
            Assert.Equal("ca cert", File.ReadAllText(recorded["OSBUILD_SOURCES_CURL_SSL_CA_CERT"]));
        }
    }

    [Fact]
    public async Task Every_recorded_status_reaches_the_listener()
    {
        _osbuild.Replaying(Recordings.Success);
        var statuses = new List<MonitorStatus>();

        await FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), statuses.Add, CancellationToken.None);

        var records = Recordings.Read(Recordings.Success).Split('\x1e', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(records.Length, statuses.Count);
        Assert.Equal(records.Count(r => r.Contains("\"result\": {", StringComparison.Ordinal)), statuses.Count(s => s.Result is { Success: true }));
    }

    [Fact]
    public async Task A_failed_monitored_run_reports_the_build_log_and_output()
    {
        _osbuild.Replaying(Recordings.Failure).Set("FAKE_OSBUILD_EXIT", "1").Set("FAKE_OSBUILD_STDOUT", "Failed");

        var error = await Assert.ThrowsAsync<BibException>(() => FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "tree"), _ => { }, CancellationToken.None));

        Assert.StartsWith("error running osbuild: exit status 1\nBuildLog:\nstarting -\nStarting pipeline source org.osbuild.inline\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("\nStarting module org.osbuild.chown\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("\nTraceback (most recent call last):\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("'chown', 'no-such-user'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("\nOutput:\nFailed\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passthrough_run_shows_osbuilds_output_and_a_short_error()
    {
        _osbuild.Set("FAKE_OSBUILD_STDOUT", "Pipelines").Set("FAKE_OSBUILD_STDERR", "oops").Set("FAKE_OSBUILD_EXIT", "2");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var error = await Assert.ThrowsAsync<BibException>(() => FakeOsbuild.Runner.RunPassthroughAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), stdout, stderr, CancellationToken.None));

        Assert.Equal("error running osbuild: exit status 2", error.Message);
        Assert.Equal("Pipelines\n", stdout.ToString());
        Assert.Equal("oops\n", stderr.ToString());
    }

    [Fact]
    public async Task Cancellation_interrupts_osbuild_and_waits_for_it()
    {
        _osbuild.Set("FAKE_OSBUILD_SLEEP", "60");
        using var cancellation = new CancellationTokenSource();

        var run = FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, cancellation.Token);
        await WaitUntilAsync(() => _osbuild.IsSleeping);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(_osbuild.WasInterrupted);
    }

    [Fact]
    public async Task A_huge_monitor_record_stops_osbuild_with_the_limit_in_the_error()
    {
        var error = await StreamStoppingOsbuildAsync("\x1e{\"message\": \"" + new string('x', MonitorStatusScanner.MaxRecordLength + 1) + "\"}\n");

        Assert.EndsWith(": a record is longer than 16 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_monitor_stream_stops_osbuild_instead_of_waiting_for_it()
    {
        var error = await StreamStoppingOsbuildAsync("\x1e{\"message\": \"unterminated\n");

        Assert.StartsWith("error parsing osbuild status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_failure_stops_osbuild_and_is_reported()
    {
        _osbuild.Replaying(Recordings.Success).Set("FAKE_OSBUILD_SLEEP", "60");

        await Assert.ThrowsAsync<IOException>(() => FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => throw new IOException("stdout is gone"), CancellationToken.None));

        Assert.True(_osbuild.WasInterrupted, "osbuild was not stopped");
    }

    [Fact]
    public async Task An_osbuild_that_ignores_the_interrupt_is_killed_after_the_grace()
    {
        var garbage = Path.Combine(_output, "garbage.jsonseq");
        await File.WriteAllTextAsync(garbage, "not json\n");
        _osbuild.Set("FAKE_OSBUILD_REPLAY", garbage).Set("FAKE_OSBUILD_SLEEP", "60").Set("FAKE_OSBUILD_IGNORE_SIGINT", "1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<BibException>(() => new OsbuildRunner(FakeOsbuild.ExecutablePath) { StopGrace = TimeSpan.FromSeconds(1) }.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited {clock.Elapsed} for osbuild");
    }

    [Fact]
    public async Task A_missing_osbuild_is_a_clear_error()
    {
        var runner = new OsbuildRunner("/nonexistent/osbuild");

        var error = await Assert.ThrowsAsync<BibException>(() => runner.RunPassthroughAsync(
            Manifest, new OsbuildInvocation("/store", _output, ["image"]), TextWriter.Null, TextWriter.Null, CancellationToken.None));

        Assert.StartsWith("error starting osbuild: exec: \"/nonexistent/osbuild\":", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs an osbuild that writes <paramref name="stream"/> to its monitor and then works on for a minute; asserts it was stopped early.</summary>
    private async Task<BibException> StreamStoppingOsbuildAsync(string stream)
    {
        var replay = Path.Combine(_output, "stream.jsonseq");
        await File.WriteAllTextAsync(replay, stream);
        _osbuild.Set("FAKE_OSBUILD_REPLAY", replay).Set("FAKE_OSBUILD_SLEEP", "60");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BibException>(() => FakeOsbuild.Runner.RunMonitoredAsync(
            Manifest, _osbuild.Invocation("/store", _output, "image"), _ => { }, CancellationToken.None));

        Assert.True(_osbuild.WasInterrupted, "osbuild was not stopped");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited {clock.Elapsed} for osbuild");
        return error;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the fake osbuild never reached the expected state");
    }
}
