using System.Globalization;

namespace BootcImageBuilder.Containers;

/// <summary>
/// What one <c>podman image inspect</c> tells about a local image: its id, declared architecture, size and whether it
/// carries the <c>containers.bootc=1</c> label. Upstream asks podman for these one at a time (and through the
/// running container); one call is enough.
/// </summary>
public sealed record ImageFacts(string Id, string Architecture, ulong Size, bool IsBootc)
{
    /// <summary>The labels come last: their map rendering may contain anything.</summary>
    public const string Format = "{{.Id}}|{{.Architecture}}|{{.Size}}|{{.Labels}}";

    public static ImageFacts Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = text.Trim().Split('|', 4);
        if (fields.Length < 3)
        {
            throw new BibException($"cannot parse image inspect output: \"{text.Trim()}\"");
        }

        if (!ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new BibException($"cannot parse image size: strconv.ParseUint: parsing \"{fields[2]}\": invalid syntax");
        }

        var labels = fields.Length == 4 ? fields[3] : "";
        return new ImageFacts(fields[0], fields[1], size, labels.Contains("containers.bootc:1", StringComparison.Ordinal));
    }
}
