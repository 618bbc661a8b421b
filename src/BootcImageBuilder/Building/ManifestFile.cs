using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Building;

/// <summary>A manifest saved next to the outputs (<c>manifest-qcow2.json</c>).</summary>
public static class ManifestFile
{
    /// <summary>Written to a temporary name first, so a reader never sees half a manifest.</summary>
    public static async Task SaveAsync(string path, Manifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, ManifestJson.ToIndentedString(manifest), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new BibException($"cannot save manifest: {e.Message}", e);
        }
    }
}
