namespace BootcImageBuilder.Depsolve;

/// <summary>
/// The solver failed: <c>DNF error occurred: &lt;kind&gt;: &lt;reason&gt;</c>, upstream's text, with the process
/// failure appended when the solver printed nothing usable.
/// </summary>
public sealed class DepsolveException : BibException
{
    public DepsolveException(string kind, string reason, string? cause = null)
        : base(cause is null ? $"DNF error occurred: {kind}: {reason}" : $"DNF error occurred: {kind}: {reason}: {cause}")
    {
        Kind = kind;
        Reason = reason;
    }

    public DepsolveException()
        : this("InternalError", "unknown error")
    {
    }

    public DepsolveException(string message)
        : this("InternalError", message)
    {
    }

    public DepsolveException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "InternalError";
        Reason = message;
    }

    /// <summary>The solver's error kind, e.g. <c>MarkingErrors</c>, <c>DepsolveError</c>, <c>RepoError</c>.</summary>
    public string Kind { get; }

    public string Reason { get; }

    /// <summary>The solver ran but printed nothing; <paramref name="cause"/> says how it ended.</summary>
    public static DepsolveException EmptyOutput(string cause) =>
        new("InternalError", "osbuild-depsolve-dnf output was empty", cause);

    /// <summary>
    /// Upstream's annotation of a reason: every quoted repository id <c>'id'</c> becomes <c>'id' [name: url]</c>,
    /// for the repositories the request named.
    /// </summary>
    public static string AnnotateRepositories(string reason, IEnumerable<RepositoryConfig> repositories)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(repositories);
        foreach (var repository in repositories)
        {
            var quoted = $"'{repository.Id}'";
            reason = reason.Replace(quoted, $"{quoted} [{repository.NameAndUrl}]", StringComparison.Ordinal);
        }

        return reason;
    }
}
