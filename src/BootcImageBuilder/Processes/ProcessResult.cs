namespace BootcImageBuilder.Processes;

/// <summary>How a finished child process ended and what it printed.</summary>
/// <param name="ExitCode">The exit code; 128 + N when the process died from signal N.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The failure as Go's <c>exec.ExitError</c> prints it, which upstream's messages embed.</summary>
    public string ExitStatus => $"exit status {ExitCode}";
}
