namespace BootcImageBuilder.Building;

/// <param name="StoreDirectory">osbuild's store.</param>
/// <param name="OutputDirectory">Where osbuild exports (the build's staging directory).</param>
/// <param name="InVm">osbuild runs in a VM of its own.</param>
/// <param name="KeepTrees">Checkpoint the pipelines the exports need, for later builds.</param>
/// <param name="CanChown">The outputs may keep osbuild's owners.</param>
public sealed record OsbuildStepOptions(string StoreDirectory, string OutputDirectory, bool InVm, bool KeepTrees, bool CanChown);
