using System.Diagnostics;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Runs the built <c>bootc-image-builder</c> as a real process, as users run it.</summary>
internal static class BibProcess
{
    public static readonly string DllPath = Path.Combine(AppContext.BaseDirectory, "bootc-image-builder.dll");

    public static BibResult Run(params string[] args) => Run(args, stdin: null);

    public static BibResult Run(IEnumerable<string> args, string? stdin, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bootc-image-builder did not finish in 2 minutes");
        }

        return new BibResult(process.ExitCode, stdout.Result, stderr.Result);
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
}
