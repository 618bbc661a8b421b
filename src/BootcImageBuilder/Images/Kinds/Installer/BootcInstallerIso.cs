using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Pipelines;
using BootcImageBuilder.Images.Pipelines.Installer;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>The bootc-installer ISO manifest (images' <c>bootc_iso</c>), from values only.</summary>
public static class BootcInstallerIso
{
    /// <summary>
    /// The manifest installing <paramref name="payloadRef"/> (image id <paramref name="payloadImageId"/>) with the
    /// Anaconda of <paramref name="installer"/>, whose container is both the build root and the installer tree.
    /// </summary>
    public static Manifest Generate(
        BootcInfo installer, string payloadRef, string payloadImageId, Customizations? customizations, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(installer);
        ArgumentNullException.ThrowIfNull(random);
        var osRelease = installer.OsInfo.OsRelease;
        var kernel = installer.OsInfo.Kernel
            ?? throw new BibException($"cannot find a kernel in {installer.ImageRef}: no usr/lib/modules/<version>/vmlinuz");
        var fips = customizations?.Fips == true;
        var append = customizations?.Kernel?.Append;
        List<string> kernelOptions = ["console=tty0", "inst.text"];
        if (fips)
        {
            kernelOptions.Add("fips=1");
        }

        if (!string.IsNullOrEmpty(append))
        {
            kernelOptions.Add(append);
        }

        var payloadId = payloadImageId.StartsWith("sha256:", StringComparison.Ordinal) ? payloadImageId : "sha256:" + payloadImageId;
        var spec = new AnacondaIsoSpec
        {
            Arch = installer.Arch,
            Product = new IsoProduct(osRelease.Name, osRelease.VersionId),
            UefiVendor = installer.OsInfo.UefiVendor,
            Label = IsoLabel.For(osRelease, installer.Arch),
            ExtraKernelOptions = kernelOptions,
            ActivatableModules = AnacondaModules.Activatable(customizations?.Installer, fips),
            Lorax = LoraxTemplates.For(osRelease),
            Build = ContainerBuildroot.Create("build", installer, installer.OsInfo.SelinuxPolicy),
            Tree = InstallerTree.FromContainer(
                Stage.Of(new ContainerDeployOptions(RemoveSignatures: true), inputs: [ContainerBuildroot.ImagesInput(installer)]),
                kernel.Version),
            PayloadImageId = payloadId,
            PayloadName = payloadRef,
            Kickstart = InstallerKickstart.From(customizations, random),
            InstallRootfsType = installer.DefaultRootFs ?? string.Empty,
        };
        var (pipelines, inline) = AnacondaIsoPipelines.Create(spec, random);
        return new Manifest(
            pipelines,
            [new ContainersStorageSource(ContainerBuildroot.ImageIdOf(installer), payloadId), new InlineSource(inline)]);
    }
}
