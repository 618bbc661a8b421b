using System.Security.Cryptography;
using System.Text;
using BootcImageBuilder.Osbuild;
using Serilog;

namespace BootcImageBuilder.Building;

/// <summary>
/// Which build roots earlier builds into an osbuild store used: an empty file per build root, named by the SHA-256 of
/// the pipelines that make it, in a directory beside osbuild's own entries at the top of the store (osbuild neither
/// reads nor evicts them). <see cref="CheckpointSelection"/> keeps a build root only once this says so.
/// </summary>
public sealed class BuildRootHistory(string storeDirectory)
{
    public const string DirectoryName = "bootc-image-builder.build-roots";

    private string Directory => Path.Combine(storeDirectory, DirectoryName);

    /// <summary>The build roots of <paramref name="manifest"/> that an earlier build into this store used.</summary>
    public IReadOnlySet<string> UsedBefore(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return PipelineDependencies.BuildRoots(manifest)
            .Where(root => File.Exists(Path.Combine(Directory, KeyOf(manifest, root))))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Notes the build roots <paramref name="exports"/> need. A note that cannot be written costs only the build root's
    /// reuse, so it is logged, not raised: the build it follows has succeeded.
    /// </summary>
    public void Record(Manifest manifest, IReadOnlyList<string> exports)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var needed = PipelineDependencies.NeededFor(manifest, exports);
        var roots = PipelineDependencies.BuildRoots(manifest).Where(needed.Contains).ToList();
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            foreach (var root in roots)
            {
                File.WriteAllBytes(Path.Combine(Directory, KeyOf(manifest, root)), []);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning("Cannot note the build roots in the osbuild store {Store}: {Reason}", storeDirectory, e.Message);
        }
    }

    /// <summary>A build root's key: what osbuild's id for it is made from, the root and every pipeline it is built from.</summary>
    private static string KeyOf(Manifest manifest, string root)
    {
        var chain = PipelineDependencies.NeededFor(manifest, [root]).ToHashSet(StringComparer.Ordinal);
        var text = string.Join('\n', manifest.Pipelines.Where(p => chain.Contains(p.Name)).Select(p => ManifestJson.Serialize(p, JsonLayout.Compact)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
