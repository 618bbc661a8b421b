using System.Diagnostics;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Runs the built <c>bootc-image-builder</c> as a real process, as users run it.</summary>
internal static class BibProcess
{
    public static readonly string DllPath = Path.Combine(AppContext.BaseDirectory, "bootc-image-builder.dll");

    /// <summary>
    /// <c>BIB_TEST_BINARY</c> names another build of the tool to run instead of the test build's dll: the NativeAOT
    /// binary or the dotnet tool's shim (scripts/test.sh runs the process-level tests against both once).
    /// </summary>
    public static readonly string? BinaryOverride = Environment.GetEnvironmentVariable("BIB_TEST_BINARY") is { Length: > 0 } path ? path : null;

    /// <summary>
    /// Starts a program with every signal at its default disposition, as a terminal's shell starts a command. A test
    /// host started as a background job of a non-interactive shell ignores SIGINT, and a child inherits that: the tool
    /// would rightly keep ignoring it.
    /// </summary>
    private static readonly string[] Launcher = ["env", "--default-signal"];

    /// <summary>The command line that starts the tool (<see cref="BinaryOverride"/> or the test build's dll) under <see cref="Launcher"/>.</summary>
    public static IReadOnlyList<string> CommandLine(IEnumerable<string> args) =>
        [.. Launcher, .. BinaryOverride is null ? (string[])["dotnet", "exec", DllPath] : [BinaryOverride], .. args];

    /// <summary>A <see cref="ProcessStartInfo"/> for <paramref name="commandLine"/>, its streams redirected.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> commandLine)
    {
        var start = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in commandLine.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>
    /// Waits until <paramref name="pid"/> runs the tool itself (the launchers exec it, so a signal reaches the tool), and
    /// asserts that the tool was started with SIGINT at its default. The tool's own status cannot tell: the runtime
    /// installs its handler over an inherited SIG_IGN (and then ignores SIGINT), so a plain program started the same
    /// way from this test host shows what the tool inherited.
    /// </summary>
    public static async Task AssertTakesSigIntAsync(int pid)
    {
        var tool = BinaryOverride ?? DllPath;
        // Up to 30 s: a loaded machine (the end-to-end builds and boots run beside these tests) can be slow to exec.
        for (var i = 0; i < 3000 && !RunsTool(pid, tool); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(RunsTool(pid, tool), $"process {pid} never ran {tool}");
        var probe = StartInfo([.. Launcher, "grep", "^SigIgn:", "/proc/self/status"]);
        using var process = Process.Start(probe)!;
        var ignored = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        var mask = ulong.Parse(ignored["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((mask & (1UL << (2 - 1))) == 0, $"the tool is started with SIGINT ignored ({ignored})");
    }

    private static bool RunsTool(int pid, string tool) => CommandLineOf(pid) is [var program, ..] argv && program != Launcher[0] && argv.Contains(tool);

    /// <summary>The argv of process <paramref name="pid"/>; empty once it is gone.</summary>
    public static string[] CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>
    /// Writes <paramref name="stdin"/> to the tool and closes its input when <paramref name="close"/>. A broken pipe is
    /// no failure: the tool may end, or stop reading (it refuses oversized input at its bound), before all is written,
    /// as a shell's pipe would let it; its output and exit code say what it did.
    /// </summary>
    public static async Task FeedStdinAsync(Process process, string? stdin, bool close)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (stdin is not null)
            {
                // Straight to the pipe: a write the tool refused leaves nothing buffered for Close or Dispose to retry.
                await process.StandardInput.BaseStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(stdin));
            }

            if (close)
            {
                process.StandardInput.Close();
            }
        }
        catch (IOException)
        {
        }
    }

    public static BibResult Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    /// <param name="args">The command line.</param>
    /// <param name="stdin">Text for stdin; stdin is closed either way.</param>
    /// <param name="environment">Variables to set (or, with a null value, remove) for the tool.</param>
    /// <param name="whileRunning">Runs once the process has started, e.g. to send it a signal.</param>
    /// <param name="workingDirectory">The tool's working directory; the test's when null.</param>
    public static async Task<BibResult> RunAsync(
        IEnumerable<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Func<Process, Task>? whileRunning = null,
        string? workingDirectory = null)
    {
        var start = StartInfo(CommandLine(args));
        start.WorkingDirectory = workingDirectory ?? "";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await FeedStdinAsync(process, stdin, close: true);
        if (whileRunning is not null)
        {
            await whileRunning(process);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bootc-image-builder did not finish in 3 minutes");
        }

        return new BibResult(process.ExitCode, await stdout, await stderr);
    }
}

internal sealed record BibResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts upstream's failure shape: exit 1, and stderr is exactly one timestamped error line.</summary>
    public string SingleErrorLine()
    {
        Assert.Equal(1, ExitCode);
        var line = Assert.Single(StderrLines);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} error: ", line);
        return line[(line.IndexOf(" error: ", StringComparison.Ordinal) + " error: ".Length)..];
    }

    /// <summary>The message of the last JSON event on stdout, which must be an <c>error</c> event.</summary>
    public string ErrorEvent()
    {
        var last = System.Text.Json.JsonDocument.Parse(Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("error", last.GetProperty("type").GetString());
        return last.GetProperty("message").GetString()!;
    }

    /// <summary>The message of the last stderr line, which must be the error line (warnings may come before it).</summary>
    public string ErrorMessage()
    {
        Assert.Equal(1, ExitCode);
        var all = Stderr.TrimEnd('\n');
        var at = all.IndexOf(" error: ", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no error line in: {Stderr}");
        Assert.Equal(1, all.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} error: ")));
        return all[(at + " error: ".Length)..];
    }
}
