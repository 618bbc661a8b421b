using System.Text.Json.Serialization;

namespace BootcImageBuilder.Osbuild;

/// <summary>
/// <c>org.osbuild.ostree.deployment</c>: which deployment to mount, found in the tree or (<paramref name="Source"/>
/// <c>mount</c>) below the stage's other mounts.
/// </summary>
public sealed record OstreeDeploymentMountOptions(
    [property: JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.Never)] OstreeDeployment Deployment,
    string? Source = null) : MountOptions;

/// <summary>A deployment by osname/ref/serial, or the default one.</summary>
public sealed record OstreeDeployment(
    [property: JsonPropertyName("osname")] string? OsName = null,
    string? Ref = null,
    int? Serial = null,
    bool? Default = null);
