using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// Runs osbuild with the manifest on stdin. Passthrough runs show osbuild's own output (upstream's verbose mode);
/// monitored runs read its JSON-seq monitor and keep its output for the failure report (term, debug, json).
/// Cancellation sends SIGINT and waits for osbuild to clean up and exit; a broken monitor stream stops osbuild at once.
/// </summary>
public sealed class OsbuildRunner(string executable)
{
    public static OsbuildRunner Default { get; } = new("osbuild");

    public string Executable { get; } = executable;

    /// <summary>How long osbuild may clean up after SIGINT when the tool stops it on its own, before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs osbuild showing its own output; returns the pipelines it built (its log names each as it starts).</summary>
    public async Task<IReadOnlyList<string>> RunPassthroughAsync(
        string manifest, OsbuildInvocation invocation, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        using var process = Start(invocation.Arguments(monitorFd: null), invocation);
        var started = new StartedPipelines();
        var copyOut = CopyAsync(process.StandardOutput, stdout, started.ObserveLogLine);
        var copyErr = CopyAsync(process.StandardError, stderr, onLine: null);
        await FeedAndWaitAsync(process, manifest, cancellationToken);
        await Task.WhenAll(copyOut, copyErr);
        ThrowIfCancelledOrFailed(process, details: null, cancellationToken);
        return started.Names;
    }

    /// <summary>Runs osbuild with its JSON-seq monitor; returns the pipelines it built (the monitor reports each start).</summary>
    public async Task<IReadOnlyList<string>> RunMonitoredAsync(
        string manifest, OsbuildInvocation invocation, Action<MonitorStatus> onStatus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(onStatus);
        using var pipe = InheritablePipe.Create();
        using var process = Start(invocation.Arguments(pipe.WriteFd), invocation);
        pipe.CloseWriteEnd();

        var output = new StringBuilder();
        var collectOut = CollectAsync(process.StandardOutput, output);
        var collectErr = CollectAsync(process.StandardError, output);
        var buildLog = new List<string>();
        var started = new StartedPipelines();
        void Observe(MonitorStatus status)
        {
            started.ObserveMonitorMessage(status.Message);
            onStatus(status);
        }

        var monitor = Task.Run(() => ReadMonitorAsync(pipe, Observe, buildLog, cancellationToken), CancellationToken.None);
        var exited = FeedAndWaitAsync(process, manifest, cancellationToken);
        if (await Task.WhenAny(exited, monitor) == monitor && monitor.IsFaulted)
        {
            // Nothing reads osbuild's reports any more and it may run for long without writing one: stop it now
            // rather than wait for it, then report what broke the monitor.
            await StopAsync(process);
        }

        await monitor;
        await exited;
        await Task.WhenAll(collectOut, collectErr);
        string details;
        lock (output)
        {
            details = $"\nBuildLog:\n{string.Join('\n', buildLog)}\nOutput:\n{output}";
        }

        ThrowIfCancelledOrFailed(process, details, cancellationToken);
        return started.Names;
    }

    private Process Start(IReadOnlyList<string> arguments, OsbuildInvocation invocation)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in invocation.Environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            return Process.Start(start) ?? throw new BibException("error starting osbuild: no process was started");
        }
        catch (Win32Exception e)
        {
            throw new BibException($"error starting osbuild: exec: \"{Executable}\": {e.Message}", e);
        }
    }

    private static async Task FeedAndWaitAsync(Process process, string manifest, CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(() => ProcessSignals.Interrupt(process.Id)))
        {
            try
            {
                await process.StandardInput.WriteAsync(manifest.AsMemory(), CancellationToken.None);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // osbuild exited before reading all of stdin; its exit status tells why.
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>SIGINT lets osbuild release its mounts and loop devices; one that does not end within <see cref="StopGrace"/> is killed.</summary>
    private async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        ProcessSignals.Interrupt(process.Id);
        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task ReadMonitorAsync(
        InheritablePipe pipe, Action<MonitorStatus> onStatus, List<string> buildLog, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(pipe.ReadEnd, FileAccess.Read, bufferSize: 4096);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var scanner = new MonitorStatusScanner(reader);
        // Read to the end even when cancelled: osbuild keeps reporting while it cleans up after SIGINT.
        while (await scanner.ReadAsync(CancellationToken.None) is { } status)
        {
            if (status.Message.Length > 0)
            {
                buildLog.Add(status.Message);
            }

            if (status.Trace.Length > 0)
            {
                buildLog.Add(status.Trace);
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                onStatus(status);
            }
        }
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to, Action<string>? onLine)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
            if (onLine is null)
            {
                continue;
            }

            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n')
                {
                    onLine(line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(c);
                }
            }
        }
    }

    private static async Task CollectAsync(StreamReader from, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }

    private static void ThrowIfCancelledOrFailed(Process process, string? details, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            throw new BibException($"error running osbuild: exit status {process.ExitCode}{details}");
        }
    }
}
