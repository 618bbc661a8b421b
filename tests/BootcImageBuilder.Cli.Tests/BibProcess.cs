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
        var start = new ProcessStartInfo(BinaryOverride ?? "dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (BinaryOverride is null)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(DllPath);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

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
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
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
