using System.Collections.Immutable;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.containers-storage</c>: images already in the host's container store, keyed by image id.</summary>
public sealed record ContainersStorageSource(ImmutableSortedDictionary<string, ContainersStorageItem> Items)
    : Source("org.osbuild.containers-storage")
{
    public ContainersStorageSource(params IEnumerable<string> imageIds)
        : this(OsbuildMap.From(imageIds.Distinct().Select(id => KeyValuePair.Create(id, new ContainersStorageItem()))))
    {
    }
}

/// <summary>An item of <see cref="ContainersStorageSource"/>; it has no fields and is written as <c>{}</c>.</summary>
public sealed record ContainersStorageItem;
