using System.Text.RegularExpressions;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The pipelines converting the raw disk into the other formats, one set per <see cref="ImageTypes.DiskFormats"/>
/// entry with a <see cref="DiskConversion"/>, in that order. qemu and OVA conversions run on the host (no build
/// pipeline); a tarball is packed in the buildroot.
/// </summary>
public static class FormatPipelines
{
    public static IReadOnlyList<Pipeline> All(DiskFileNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return ImageTypes.DiskFormats.SelectMany(format => PipelinesOf(format, names)).ToList();
    }

    private static IReadOnlyList<Pipeline> PipelinesOf(ImageType format, DiskFileNames names) => format.Conversion switch
    {
        null when format.Export == BootcDiskPipelines.Image => [],
        QemuConversion qemu => [Qemu(format.Export, names.Of(format.Export), QemuFormatOf(qemu), names.Raw)],
        OvaConversion ova => [Ovf(ova, names.Of(ova.VmdkExport)), Ova(format.Export, names.Of(format.Export), ova, names.Of(ova.VmdkExport))],
        TarballConversion tarball => [Tarball(format.Export, names.Of(format.Export), tarball, names.Raw)],
        var other => throw new InvalidOperationException($"disk type {format.Name} has no pipelines for its conversion {other}"),
    };

    private static QemuFormat QemuFormatOf(QemuConversion conversion) => conversion.Format switch
    {
        "qcow2" => new Qcow2Format(conversion.Compat ?? string.Empty),
        "vmdk" => new VmdkFormat(conversion.Subformat),
        "vpc" => new VpcFormat(conversion.ForceSize),
        "vdi" => new VdiFormat(),
        "vhdx" => new VhdxFormat(),
        var other => throw new InvalidOperationException($"imagetypes.yaml names the unknown qemu format \"{other}\""),
    };

    private static Pipeline Qemu(string name, string filename, QemuFormat format, string rawFile) =>
        new(name, [Stage.Of(
            new QemuOptions(filename, format),
            inputs: [KeyValuePair.Create<string, StageInput>("image", FilesInput.FromPipeline(BootcDiskPipelines.Image, rawFile))])]);

    /// <summary>The vmdk beside its .ovf descriptor and .mf manifest.</summary>
    private static Pipeline Ovf(OvaConversion ova, string vmdk) =>
        new(ova.Descriptor,
        [
            Stage.Of(
                new CopyOptions([new CopyPath($"input://vmdk-tree/{vmdk}", "tree:///")]),
                inputs: [KeyValuePair.Create<string, StageInput>("vmdk-tree", TreeInput.OfPipeline(ova.VmdkExport))]),
            Stage.Of(new OvfOptions(vmdk)),
        ]);

    /// <summary>The OVA: a ustar archive with the descriptor first.</summary>
    private static Pipeline Ova(string name, string filename, OvaConversion ova, string vmdk)
    {
        var baseName = Path.GetFileNameWithoutExtension(vmdk);
        return new(name, [Stage.Of(
            new TarOptions(filename, Format: "ustar", Paths: [baseName + ".ovf", baseName + ".mf", vmdk]),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(ova.Descriptor))])]);
    }

    /// <summary>The raw disk in a tar archive, renamed to the conversion's disk name when it has another name.</summary>
    private static Pipeline Tarball(string name, string filename, TarballConversion tarball, string rawFile) =>
        new(name, [Stage.Of(
            new TarOptions(
                filename,
                Format: tarball.Format,
                Acls: tarball.Acls,
                Selinux: tarball.Selinux,
                Xattrs: tarball.Xattrs,
                RootNode: tarball.RootNode,
                Transform: rawFile == tarball.DiskName ? null : $"s/{Regex.Escape(rawFile)}/{tarball.DiskName}/"),
            inputs: [KeyValuePair.Create<string, StageInput>("tree", TreeInput.OfPipeline(BootcDiskPipelines.Image))])],
            build: PipelineReference.To(BootcDiskPipelines.Build));
}
