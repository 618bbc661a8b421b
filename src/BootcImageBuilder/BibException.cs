namespace BootcImageBuilder;

/// <summary>
/// A failure the user can act on. Its message is the whole upstream-style chain
/// (<c>cannot generate manifest: cannot read config: …</c>); the CLI prints it once as an <c>error:</c> line.
/// </summary>
public class BibException : Exception
{
    public BibException()
    {
    }

    public BibException(string message)
        : base(message)
    {
    }

    public BibException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Prefixes <paramref name="inner"/>'s message with <paramref name="context"/>, as Go's <c>%w</c> wrapping does.</summary>
    public static BibException Wrap(string context, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new BibException($"{context}: {inner.Message}", inner);
    }
}
