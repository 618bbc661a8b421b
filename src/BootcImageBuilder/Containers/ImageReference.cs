namespace BootcImageBuilder.Containers;

/// <summary>
/// The checks an image reference passes before any podman call sees it: podman would read a reference that starts
/// with <c>-</c> as an option, and whitespace or control characters have no place in a reference (they would
/// reach messages and logs as they are). The message names the rule, not the reference.
/// </summary>
public static class ImageReference
{
    /// <summary>Longer than any registry, repository path, tag and digest together.</summary>
    public const int MaxLength = 4096;

    /// <exception cref="BibException">The reference is empty, too long, starts with <c>-</c> or holds whitespace or control characters.</exception>
    public static void Check(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0 || reference.Length > MaxLength || reference[0] == '-'
            || reference.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new BibException(
                $"invalid image reference: it must be 1 to {MaxLength} characters, must not start with '-' and must not contain whitespace or control characters");
        }
    }
}
