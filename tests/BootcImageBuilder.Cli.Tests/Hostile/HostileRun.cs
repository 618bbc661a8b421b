using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// Runs the tool (<see cref="BibProcess.CommandLine"/>: the shipped binary under <c>BIB_TEST_BINARY</c>) in a working
/// directory of its own and, through <c>setsid</c>, in a process group of its own, so that a test can signal the whole
/// group as a terminal's Ctrl-C does. Standard input may be left open, or replaced (closed, <c>/dev/null</c>).
/// </summary>
internal static partial class HostileRun
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <param name="args">The command line.</param>
    /// <param name="workingDirectory">The tool's working directory (relative config paths resolve there).</param>
    /// <param name="stdin">Written to stdin; null writes nothing.</param>
    /// <param name="keepStdinOpen">Leaves stdin open after writing, as a terminal or a stuck pipe would.</param>
    /// <param name="whileRunning">Runs once the process has started, given its process group id.</param>
    /// <param name="stdinRedirection">A shell redirection that replaces the pipe on descriptor 0, e.g. <c>0&lt;&amp;-</c> to start the tool with it closed.</param>
    /// <param name="environment">Variables set for the tool on top of the test's own.</param>
    public static async Task<BibResult> RunAsync(
        IReadOnlyList<string> args,
        string workingDirectory,
        string? stdin = null,
        bool keepStdinOpen = false,
        Func<int, Task>? whileRunning = null,
        string? stdinRedirection = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] redirect = stdinRedirection is null ? [] : ["bash", "-c", $"exec \"$@\" {stdinRedirection}", "bash"];
        var start = BibProcess.StartInfo(["setsid", .. redirect, .. BibProcess.CommandLine(args)]);
        start.WorkingDirectory = workingDirectory;
        // A private TMPDIR shows every temporary file the run leaves; the runtime's own diagnostics socket is kept out
        // of it, since a run killed by a signal before its handlers exist cannot remove that.
        var temporary = LeftBehind.NewTemporaryDirectory();
        start.Environment["TMPDIR"] = temporary.Path;
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await BibProcess.FeedStdinAsync(process, stdin, close: !keepStdinOpen);

        // setsid, bash and env exec the tool without forking (the child is not a group leader), so its pid is the group's id.
        if (whileRunning is not null)
        {
            try
            {
                await whileRunning(process.Id);
            }
            catch
            {
                // A failed check must not leave the run (and the containers it holds) going: interrupt it, as a user would.
                Signal(process.Id, "INT");
                using var grace = new CancellationTokenSource(Limit);
                await process.WaitForExitAsync(grace.Token);
                throw;
            }
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

        var result = new BibResult(process.ExitCode, await stdout, await stderr);
        temporary.AssertEmptyAndDelete();
        return result;
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
