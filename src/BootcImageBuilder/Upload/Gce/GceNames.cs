using System.Text.RegularExpressions;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>Google's naming rules for the three names a GCE upload takes; they also keep the names safe in URL paths.</summary>
public static partial class GceNames
{
    /// <summary>Compute Engine resource names (RFC 1035): lower case, digits and dashes, starting with a letter.</summary>
    public static void CheckImageName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ImageNamePattern().IsMatch(name))
        {
            throw new BibException(
                $"invalid GCE image name {Quote(name)}: use 1-63 lower-case letters, digits and dashes, starting with a letter and not ending with a dash");
        }
    }

    /// <summary>Project ids: 6-30 lower-case letters, digits and dashes, optionally prefixed by a domain (<c>example.com:my-project</c>).</summary>
    public static void CheckProject(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!ProjectPattern().IsMatch(project))
        {
            throw new BibException(
                $"invalid GCE project id {Quote(project)}: use 6-30 lower-case letters, digits and dashes, starting with a letter");
        }
    }

    /// <summary>Bucket names: 3-63 lower-case letters, digits, dashes, underscores and dots, starting and ending with a letter or digit.</summary>
    public static void CheckBucket(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (!BucketPattern().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            throw new BibException(
                $"invalid GCS bucket name {Quote(bucket)}: use 3-63 lower-case letters, digits, dashes, underscores and dots, starting and ending with a letter or digit");
        }
    }

    /// <summary>Quoted for an error message; a name with control characters or of absurd length is not echoed.</summary>
    private static string Quote(string value) =>
        value.Length <= 100 && !value.Any(char.IsControl) ? $"\"{value}\"" : "(not shown)";

    [GeneratedRegex("^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageNamePattern();

    [GeneratedRegex("^(?:[a-z0-9][-a-z0-9.]{0,62}:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[a-z0-9][-_.a-z0-9]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();
}
