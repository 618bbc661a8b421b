namespace BootcImageBuilder.Osbuild;

/// <summary>
/// Which of the pipelines some exports need are worth keeping in osbuild's store (<c>--checkpoint</c>): each kept tree
/// costs a copy into the store, and pays off only when a later build can need that tree while the trees made from it
/// are not there. A step that only repackages its one input for one kept consumer never is: the consumer reads
/// nothing the step does not, and its own stages change only with what changes the step's too (a tar, the ovf
/// descriptor, the ISO's xorriso with the label the tree's boot options carry), so its id follows from the step's and
/// a later build that could reuse the step reuses the consumer and starts neither (ova's <c>ovf</c>, a copy of the
/// vmdk for the kept archive). What any image type exports (another build may ask for it
/// alone), build roots and every tree that several pipelines read (the disk, which each format converts) are kept.
/// </summary>
public static class CheckpointSelection
{
    /// <summary>The pipelines to checkpoint, in manifest order: a subset of <see cref="PipelineDependencies.NeededFor"/>.</summary>
    /// <param name="manifest">The manifest osbuild builds.</param>
    /// <param name="exports">What this build exports.</param>
    /// <param name="exportable">What any image type of this manifest's kind exports: what another build may export.</param>
    public static IReadOnlyList<string> For(Manifest manifest, IReadOnlyList<string> exports, IReadOnlyCollection<string> exportable)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(exportable);
        var needed = PipelineDependencies.NeededFor(manifest, exports);
        var references = manifest.Pipelines.ToDictionary(
            p => p.Name, p => PipelineDependencies.ReferencesOf(p).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var buildRoots = manifest.Pipelines
            .Select(p => p.Build)
            .OfType<string>()
            .Where(b => b.StartsWith(PipelineReference.Prefix, StringComparison.Ordinal))
            .Select(b => b[PipelineReference.Prefix.Length..])
            .ToHashSet(StringComparer.Ordinal);

        var kept = new HashSet<string>(StringComparer.Ordinal);
        // Consumers come after what they read, so deciding in reverse order knows each consumer's fate first.
        foreach (var name in needed.Reverse())
        {
            if (exports.Contains(name, StringComparer.Ordinal) || exportable.Contains(name, StringComparer.Ordinal) || buildRoots.Contains(name) || !FollowsIntoKeptConsumer(name))
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
