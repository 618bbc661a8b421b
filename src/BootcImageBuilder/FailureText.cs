namespace BootcImageBuilder;

/// <summary>The words a failure is reported in: the final <c>error:</c> line and the progress views' error event.</summary>
public static class FailureText
{
    private const string DetailsHint = " (run with --log-level debug for details)";

    /// <summary>
    /// The failure as the run reports it: once a signal has cancelled the run, a child's failure is the signal's doing
    /// (Ctrl-C reaches podman children too), so it reads as the interruption rather than what the killed child printed.
    /// </summary>
    public static Exception AsReported(Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested && exception is not OperationCanceledException
            ? new OperationCanceledException("interrupted", exception, cancellationToken)
            : exception;

    /// <summary>The words the error line and the JSON <c>error</c> event give for <paramref name="exception"/>.</summary>
    public static string MessageOf(Exception exception) => exception switch
    {
        BibException bib => bib.Message,
        OperationCanceledException => "interrupted",
        // The runtime's own words (type names, option names, file contents) never reach the user.
        UnauthorizedAccessException => $"permission denied{DetailsHint}",
        IOException => $"input/output error{DetailsHint}",
        _ => $"internal error{DetailsHint}",
    };
}
