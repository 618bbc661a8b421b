namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Which of the pipelines some exports need are worth keeping in osbuild's store (<c>--checkpoint</c>): each kept tree
/// costs a copy into the store, and pays off only when a later build can need that tree while the trees made from it
/// are not there. A step that only repackages its one input for one kept consumer never is: the consumer reads
/// nothing the step does not, and its own stages change only with what changes the step's too (a tar, the ovf
/// descriptor, the ISO's xorriso with the label the tree's boot options carry), so its id follows from the step's and
/// a later build that could reuse the step reuses the consumer and starts neither (ova's <c>ovf</c>, a copy of the
/// vmdk for the kept archive). What any image type exports (another build may ask for it
/// alone) and every tree that several pipelines read (the disk, which each format converts) are kept. A build root
/// is kept once an earlier build into the store used it: its copy is the dearest (a whole system in many small files,
/// a real copy where the store has no reflinks), and only a change to the config reuses it, while a rebuild of the same
/// config or another disk type starts from the disk and never opens it. An image's first build then costs what a
/// build without checkpoints does, and its first config change builds the root again and keeps it.
/// </summary>
public static class CheckpointSelection
{
    /// <summary>The pipelines to checkpoint, in manifest order: a subset of <see cref="PipelineDependencies.NeededFor"/>.</summary>
    /// <param name="manifest">The manifest osbuild builds.</param>
    /// <param name="exports">What this build exports.</param>
    /// <param name="exportable">What any image type of this manifest's kind exports: what another build may export.</param>
    /// <param name="buildRootsUsedBefore">The build roots an earlier build into this store used.</param>
    public static IReadOnlyList<string> For(
        Manifest manifest, IReadOnlyList<string> exports, IReadOnlyCollection<string> exportable, IReadOnlySet<string> buildRootsUsedBefore)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(exportable);
        ArgumentNullException.ThrowIfNull(buildRootsUsedBefore);
        var needed = PipelineDependencies.NeededFor(manifest, exports);
        var references = manifest.Pipelines.ToDictionary(
            p => p.Name, p => PipelineDependencies.ReferencesOf(p).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var buildRoots = PipelineDependencies.BuildRoots(manifest);

        var kept = new HashSet<string>(StringComparer.Ordinal);
        // Consumers come after what they read, so deciding in reverse order knows each consumer's fate first.
        foreach (var name in needed.Reverse())
        {
            var keep = exports.Contains(name, StringComparer.Ordinal) || exportable.Contains(name, StringComparer.Ordinal)
                || (buildRoots.Contains(name) ? buildRootsUsedBefore.Contains(name) : !FollowsIntoKeptConsumer(name));
            if (keep)
            {
                kept.Add(name);
            }
        }

        return [.. needed.Where(kept.Contains)];

        bool FollowsIntoKeptConsumer(string name)
        {
            var consumers = references.Where(r => r.Value.Contains(name)).Select(r => r.Key).ToList();
            if (consumers is not [var consumer] || !kept.Contains(consumer))
            {
                return false;
            }

            var upstream = PipelineDependencies.NeededFor(manifest, [name]).ToHashSet(StringComparer.Ordinal);
            return references[consumer].All(upstream.Contains);
        }
    }
}
