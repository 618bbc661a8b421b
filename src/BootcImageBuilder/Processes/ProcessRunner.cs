using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace BootcImageBuilder.Processes;

/// <summary>Runs programs with <see cref="Process"/>: standard input given or closed, both output streams captured.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunWithInputAsync(program, arguments, "", cancellationToken);

    public async Task<ProcessResult> RunWithInputAsync(
        string program, IReadOnlyList<string> arguments, string standardInput, CancellationToken cancellationToken)
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

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new BibException($"cannot run {program}: {e.Message}", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WriteInputAsync(process, standardInput, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            // Reap the child so no zombie or half-written output outlives the call.
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stdout, stderr);
            throw;
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
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
