using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.anaconda</c>: the Anaconda modules the installer may activate (sorted).</summary>
public sealed record AnacondaOptions(
    [property: JsonPropertyName("activatable-modules")] IReadOnlyList<string> ActivatableModules)
    : StageOptions("org.osbuild.anaconda");
