namespace BootcImageBuilder.Containers;

/// <summary>The host's container storage, which bib reads images from and never pulls into.</summary>
public static class ContainerStorage
{
    /// <summary>
    /// Fails unless <c>var/lib/containers/storage/overlay</c> exists under <paramref name="root"/>: the sign that the
    /// host storage is bind-mounted into bib's container (bib expects the overlay backend).
    /// </summary>
    public static void EnsureMounted(string root = "/")
    {
        var overlay = Path.Join(root, "var/lib/containers/storage/overlay");
        if (Path.Exists(overlay))
        {
            return;
        }

        throw new BibException(
            "could not access container storage, did you forget -v /var/lib/containers/storage:/var/lib/containers/storage? " +
            $"(cannot find \"{overlay}\" (missing -v /var/lib/containers/storage:/var/lib/containers/storage mount?))");
    }
}
