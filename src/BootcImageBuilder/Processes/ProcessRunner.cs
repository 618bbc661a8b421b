using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace BootcImageBuilder.Processes;

/// <summary>
/// Runs programs with <see cref="Process"/>: standard input given or closed, both output streams captured up to a bound
/// per call, so a child that prints forever is stopped instead of filling memory.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    /// <summary>What a call may capture on each stream unless it says otherwise: far more than any command's answer.</summary>
    public const long DefaultMaxOutputBytes = 16 * 1024 * 1024;

    /// <summary>How long a child killed by SIGINT or SIGTERM waits for the same signal to cancel the run.</summary>
    public static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(1);

    // What Process.ExitCode gives for a child a signal killed: 128 + the signal's number.
    private const int SigIntExitCode = 128 + 2;
    private const int SigTermExitCode = 128 + 15;

    public Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, long maxOutputBytes = DefaultMaxOutputBytes) =>
        RunWithInputAsync(program, arguments, "", cancellationToken, maxOutputBytes);

    public async Task<ProcessResult> RunWithInputAsync(
        string program,
        IReadOnlyList<string> arguments,
        string standardInput,
        CancellationToken cancellationToken,
        long maxOutputBytes = DefaultMaxOutputBytes,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(standardInput);
        ArgumentNullException.ThrowIfNull(arguments);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new BibException($"cannot run {program}: {e.Message}", e);
        }

        using var overflow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stdout = ReadBoundedAsync(process.StandardOutput.BaseStream, maxOutputBytes, overflow);
        var stderr = ReadBoundedAsync(process.StandardError.BaseStream, maxOutputBytes, overflow);
        try
        {
            await WriteInputAsync(process, standardInput, overflow.Token);
            await process.WaitForExitAsync(overflow.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            // Reap the child so no zombie or half-written output outlives the call.
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            var outputOverflowed = stdout.IsCompletedSuccessfully && stdout.Result.Overflowed;
            throw new ProcessOutputLimitException(program, outputOverflowed ? "standard output" : "standard error", maxOutputBytes);
        }

        if (process.ExitCode is SigIntExitCode or SigTermExitCode && !cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C reaches the whole process group: the child can die of it before our own handler has cancelled
            // the run. Its failure is then the interruption's, so wait for the cancellation before reporting it.
            try
            {
                await Task.Delay(SignalGrace, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await Task.WhenAll(stdout, stderr);
                throw;
            }
        }

        var (output, outputTooLong) = await stdout;
        var (errors, errorsTooLong) = await stderr;
        if (outputTooLong || errorsTooLong)
        {
            // It went past the bound just as it exited.
            throw new ProcessOutputLimitException(program, outputTooLong ? "standard output" : "standard error", maxOutputBytes);
        }

        return new ProcessResult(process.ExitCode, output, errors);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, keeping at most <paramref name="maxBytes"/> bytes; past that it stops
    /// reading and cancels <paramref name="overflow"/>, which kills the child.
    /// </summary>
    private static async Task<(string Text, bool Overflowed)> ReadBoundedAsync(Stream stream, long maxBytes, CancellationTokenSource overflow)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, CancellationToken.None)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await overflow.CancelAsync();
                return ("", true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }

    private static async Task WriteInputAsync(Process process, string standardInput, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading all of its input; its exit code and output tell why.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the cancellation and the kill.
        }
    }
}
