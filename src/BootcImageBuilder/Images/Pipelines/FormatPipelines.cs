using System.Text.RegularExpressions;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The pipelines converting the raw disk into the other formats. They run on the host (no build pipeline), except
/// the GCE tarball, which is packed in the buildroot.
/// </summary>
public static class FormatPipelines
{
    public const string Qcow2Compat = "1.1";

    /// <summary>The name GCE requires for the disk inside its tarball.</summary>
    private const string GceDiskName = "disk.raw";

    public static IReadOnlyList<Pipeline> All(DiskFileNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            Qemu(BootcDiskPipelines.Qcow2, names.Qcow2, new Qcow2Format(Qcow2Compat), names.Raw),
            Qemu(BootcDiskPipelines.Vmdk, names.Vmdk, new VmdkFormat("streamOptimized"), names.Raw),
            Qemu(BootcDiskPipelines.Vpc, names.Vhd, new VpcFormat(), names.Raw),
            Ovf(names.Vmdk),
            Ova(names.Ova, names.Vmdk),
            Gce(names.Gce, names.Raw),
        ];
    }

    private static Pipeline Qemu(string name, string filename, QemuFormat format, string rawFile) =>
        new(name, [Stage.Of(
            new QemuOptions(filename, format),
            inputs: [KeyValuePair.Create<string, StageInput>("image", FilesInput.FromPipeline(BootcDiskPipelines.Image, rawFile))])]);

    /// <summary>The vmdk beside its .ovf descriptor and .mf manifest.</summary>
    private static Pipeline Ovf(string vmdk) =>
        new(BootcDiskPipelines.Ovf,
        [
            Stage.Of(
                new CopyOptions([new CopyPath($"input://vmdk-tree/{vmdk}", "tree:///")]),
                inputs: [KeyValuePair.Create<string, StageInput>("vmdk-tree", TreeInput.OfPipeline(BootcDiskPipelines.Vmdk))]),
            Stage.Of(new OvfOptions(vmdk)),
        ]);

    /// <summary>The OVA: a ustar archive with the descriptor first.</summary>
    private static Pipeline Ova(string ova, string vmdk)
    {
        var baseName = Path.GetFileNameWithoutExtension(vmdk);
        return new(BootcDiskPipelines.Archive, [Stage.Of(
            new TarOptions(ova, Format: "ustar", Paths: [baseName + ".ovf", baseName + ".mf", vmdk]),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcDiskPipelines.Ovf))])]);
    }

    /// <summary>The GCE tarball: the raw disk, renamed to disk.raw when it has another name, without ACLs, labels or xattrs.</summary>
    private static Pipeline Gce(string tarball, string rawFile) =>
        new(BootcDiskPipelines.Gce, [Stage.Of(
            new TarOptions(
                tarball,
                Format: "oldgnu",
                Acls: false,
                Selinux: false,
                Xattrs: false,
                RootNode: "omit",
                Transform: rawFile == GceDiskName ? null : $"s/{Regex.Escape(rawFile)}/{GceDiskName}/"),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcDiskPipelines.Image))])],
            build: PipelineReference.To(BootcDiskPipelines.Build));
}
