using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images;

/// <summary>
/// The pipelines converting the raw disk into the other formats. They run on the host (no build pipeline), except
/// the GCE tarball, which is packed in the buildroot.
/// </summary>
public static class FormatPipelines
{
    public const string Qcow2Compat = "1.1";

    public static IReadOnlyList<Pipeline> All(string rawFile) =>
    [
        Qemu(BootcDiskPipelines.Qcow2, DiskImageOutput.Qcow2FileName, new Qcow2Format(Qcow2Compat), rawFile),
        Qemu(BootcDiskPipelines.Vmdk, DiskImageOutput.VmdkFileName, new VmdkFormat("streamOptimized"), rawFile),
        Qemu(BootcDiskPipelines.Vpc, DiskImageOutput.VhdFileName, new VpcFormat(), rawFile),
        Ovf(DiskImageOutput.VmdkFileName),
        Ova(DiskImageOutput.VmdkFileName),
        Gce(),
    ];

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
    private static Pipeline Ova(string vmdk)
    {
        var baseName = Path.GetFileNameWithoutExtension(vmdk);
        return new(BootcDiskPipelines.Archive, [Stage.Of(
            new TarOptions(DiskImageOutput.OvaFileName, Format: "ustar", Paths: [baseName + ".ovf", baseName + ".mf", vmdk]),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcDiskPipelines.Ovf))])]);
    }

    /// <summary>The GCE tarball: the raw disk (already named disk.raw, so no rename) without ACLs, labels or xattrs.</summary>
    private static Pipeline Gce() =>
        new(BootcDiskPipelines.Gce, [Stage.Of(
            new TarOptions(DiskImageOutput.GceFileName, Format: "oldgnu", Acls: false, Selinux: false, Xattrs: false, RootNode: "omit"),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcDiskPipelines.Image))])],
            build: PipelineReference.To(BootcDiskPipelines.Build));
}
