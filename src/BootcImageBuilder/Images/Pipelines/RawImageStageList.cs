using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The stages of the <c>image</c> pipeline: prepare the disk, <c>bootc install to-filesystem</c> into it, finish
/// volume groups, then customize the deployed OS (mount configuration, groups, users, for a live root the
/// directories dmsquash-live wants, directories, files, Ignition) and relabel /etc and /var, where those customizations land.
/// </summary>
public static class RawImageStageList
{
    /// <summary>Where post-install customizations write; only these are relabelled.</summary>
    private static readonly string[] RelabelledDirectories = ["/etc", "/var"];

    public static IReadOnlyList<Stage> Create(RawImageSpec spec, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(random);
        var filename = spec.RawFileName;
        var customizations = spec.Customizations;
        var directories = customizations?.Directories ?? [];
        var files = customizations?.Files ?? [];
        FsNodeCustomizations.Validate(directories, files);
        var ignition = OsCustomizationStageList.Ignition(customizations?.Ignition?.FirstBoot);

        var mounts = DeploymentMounts.For(spec.Table, filename, spec.Target.OsInfo.UefiVendor);
        var stages = new List<Stage>(DiskPreparationStageList.Prepare(spec.Table, filename, spec.RawSourcePipeline))
        {
            Stage.Of(
                new BootcInstallToFilesystemOptions(spec.Target.ImageRef, KernelArgs: spec.KernelArgs.Count == 0 ? null : spec.KernelArgs),
                inputs: [ContainerBuildroot.ImagesInput(spec.Target)],
                devices: mounts.Devices,
                mounts: mounts.InstallMounts),
        };
        stages.AddRange(DiskPreparationStageList.Finish(spec.Table, filename));

        var deploymentMounts = mounts.DeploymentTreeMounts;
        var postStages = new List<Stage>();
        void OnDeployment(IEnumerable<Stage> onDeployment) =>
            postStages.AddRange(onDeployment.Select(s => s with { Devices = mounts.Devices, Mounts = deploymentMounts }));

        OnDeployment(MountConfigurationStageList.For(spec.Table, spec.MountConfiguration));
        OnDeployment(OsCustomizationStageList.Groups(customizations?.Group ?? []) is { } groups ? [groups] : []);
        OnDeployment(OsCustomizationStageList.Users(OsCustomizationStageList.UsersOf(customizations), random));
        if (spec.LiveBoot)
        {
            // dmsquash-live checks the root of the filesystem, so these go to the physical root, not the deployment.
            postStages.AddRange(LiveBootDirectories.Stages.Select(s => s with { Devices = mounts.Devices, Mounts = mounts.PhysicalRootTreeMounts }));
        }

        OnDeployment(OsCustomizationStageList.Directories(directories));
        OnDeployment(OsCustomizationStageList.Files(files));
        if (ignition is not null)
        {
            // The deployment mounts would shadow /boot, so this one sees the plain filesystems only.
            postStages.Add(ignition with { Devices = mounts.Devices, Mounts = mounts.Mounts });
        }

        stages.AddRange(postStages);
        if (!string.IsNullOrEmpty(spec.Target.OsInfo.SelinuxPolicy) && postStages.Count > 0)
        {
            var fileContexts = ContainerBuildroot.FileContextsOf(spec.Target.OsInfo.SelinuxPolicy);
            stages.AddRange(RelabelledDirectories.Select(path => Stage.Of(
                new SelinuxOptions(fileContexts, Target: "tree://" + path, ExcludePaths: ["/sysroot"]),
                devices: mounts.Devices,
                mounts: deploymentMounts)));
        }

        return stages;
    }
}
