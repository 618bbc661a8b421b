using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.container-deploy</c>: unpack the container given as input <c>images</c> into the tree.</summary>
public sealed record ContainerDeployOptions(
    IReadOnlyList<string>? Exclude = null,
    [property: JsonPropertyName("remove-signatures")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    bool RemoveSignatures = false)
    : StageOptions("org.osbuild.container-deploy");
