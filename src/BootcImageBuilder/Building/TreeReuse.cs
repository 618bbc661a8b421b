using BootcImageBuilder.Randomness;
using Serilog;

namespace BootcImageBuilder.Building;

/// <summary>
/// Whether osbuild keeps the trees a later build can reuse. Checkpoints cost a copy of each tree into the store; they
/// pay off only when the store outlives this build (docs/rebuilds.md has the figures). Kept trees are found again only
/// by identical pipeline ids, so the manifest must then repeat for the same inputs and store: its ids are derived from
/// the store's secret.
/// </summary>
public static class TreeReuse
{
    /// <summary>The store's secret when trees are kept, else null (every id random).</summary>
    public static StoreSecret? SecretFor(BuildRequest request, bool inContainer)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keep = request.Checkpoints switch
        {
            CheckpointMode.Always => true,
            CheckpointMode.Never => false,
            _ => StorePersistence.IsKept(request.StoreDirectory, request.StoreChosen, inContainer),
        };
        Log.Debug("Checkpoints in the osbuild store {Store}: {Keep}", request.StoreDirectory, keep);
        return keep ? StoreSecret.LoadOrCreate(request.StoreDirectory) : null;
    }
}
