using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// Runs the built tool in a working directory of its own and, through <c>setsid</c>, in a process group of its own,
/// so that a test can signal the whole group as a terminal's Ctrl-C does; SIGINT is reset to its default first (a
/// launcher may have inherited it ignored, and the tool rightly keeps an ignored SIGINT). Standard input may be left open.
/// </summary>
internal static partial class HostileRun
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <param name="args">The command line.</param>
    /// <param name="workingDirectory">The tool's working directory (relative config paths resolve there).</param>
    /// <param name="stdin">Written to stdin; null writes nothing.</param>
    /// <param name="keepStdinOpen">Leaves stdin open after writing, as a terminal or a stuck pipe would.</param>
    /// <param name="whileRunning">Runs once the process has started, given its process group id.</param>
    public static async Task<BibResult> RunAsync(
        IReadOnlyList<string> args,
        string workingDirectory,
        string? stdin = null,
        bool keepStdinOpen = false,
        Func<int, Task>? whileRunning = null)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in (string[])["--default-signal=INT", "setsid", "dotnet", "exec", BibProcess.DllPath, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            await process.StandardInput.FlushAsync();
        }

        if (!keepStdinOpen)
        {
            process.StandardInput.Close();
        }

        // env and setsid exec the tool without forking (the child is not a group leader), so its pid is the group's id.
        if (whileRunning is not null)
        {
            await whileRunning(process.Id);
        }

        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Signal(process.Id, "KILL");
            throw new TimeoutException($"bootc-image-builder did not finish in {Limit.TotalSeconds} seconds");
        }

        return new BibResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends <paramref name="signal"/> to every process of group <paramref name="processGroup"/>.</summary>
    public static void Signal(int processGroup, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, "--", "-" + processGroup }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Asserts the failure shape every hostile input must end in, and returns the message.</summary>
    public static string SingleCleanError(BibResult result)
    {
        var message = result.SingleErrorLine();
        Assert.DoesNotMatch(RuntimeWords(), message);
        return message;
    }

    // Words that only the .NET runtime or its libraries would print.
    [GeneratedRegex(@"System\.|Exception|Parameter '|TomlSerializer|Arithmetic operation|UTF-16 JSON|Options\.|   at ")]
    private static partial Regex RuntimeWords();
}
