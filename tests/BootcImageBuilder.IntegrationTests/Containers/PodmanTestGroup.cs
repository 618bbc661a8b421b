namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>Tests that start containers run one at a time, so they can count what is left behind.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PodmanTestGroup
{
    public const string Name = "Podman";
}
