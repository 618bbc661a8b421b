using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>A manifest source: content osbuild fetches before building, keyed in the manifest by <see cref="SourceType"/>.</summary>
[JsonDerivedType(typeof(ContainersStorageSource))]
[JsonDerivedType(typeof(SkopeoSource))]
[JsonDerivedType(typeof(SkopeoIndexSource))]
[JsonDerivedType(typeof(InlineSource))]
[JsonDerivedType(typeof(CurlSource))]
[JsonDerivedType(typeof(LibrepoSource))]
public abstract record Source([property: JsonIgnore] string SourceType);
