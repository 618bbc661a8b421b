namespace BootcImageBuilder.Processes;

/// <summary>Runs external programs. Arguments are passed as a list, never through a shell.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs <paramref name="program"/> to completion and captures its output, at most <paramref name="maxOutputBytes"/>
    /// bytes on each stream. A non-zero exit is a result, not an exception. Cancelling kills the child and its
    /// descendants and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="BibException">The program could not be started (for example, it is not installed).</exception>
    /// <exception cref="ProcessOutputLimitException">It printed more than the bound; it was killed.</exception>
    Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken, long maxOutputBytes = ProcessRunner.DefaultMaxOutputBytes);

    /// <summary>
    /// As <see cref="RunAsync"/>, with <paramref name="standardInput"/> written to the child's standard input, which is
    /// then closed, and <paramref name="environment"/> set on top of this process's environment.
    /// </summary>
    /// <exception cref="BibException">The program could not be started (for example, it is not installed).</exception>
    /// <exception cref="ProcessOutputLimitException">It printed more than the bound; it was killed.</exception>
    Task<ProcessResult> RunWithInputAsync(
        string program,
        IReadOnlyList<string> arguments,
        string standardInput,
        CancellationToken cancellationToken,
        long maxOutputBytes = ProcessRunner.DefaultMaxOutputBytes,
        IReadOnlyDictionary<string, string>? environment = null);
}
