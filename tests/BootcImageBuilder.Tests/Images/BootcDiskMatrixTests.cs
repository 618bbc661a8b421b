using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Every disk type on every architecture, root filesystem and customization set gives a manifest osbuild accepts.</summary>
public class BootcDiskMatrixTests
{
    private static readonly string[] RootFilesystems = ["ext4", "xfs", "btrfs"];

    public static TheoryData<string, string> ArchesAndRootfs()
    {
        var data = new TheoryData<string, string>();
        foreach (var arch in Arch.DiskArches)
        {
            foreach (var rootfs in RootFilesystems)
            {
                data.Add(arch.Name, rootfs);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ArchesAndRootfs))]
    public void Every_type_and_customization_set_gives_a_schema_valid_manifest_exporting_its_file(string arch, string rootfs)
    {
        var validator = OsbuildSchema.RequireValidator();
        var failures = new List<string>();
        foreach (var (name, customizations) in DiskImageSamples.All(rootfs))
        {
            foreach (var type in ImageTypes.All.Where(t => t.Kind == ImageKind.Disk))
            {
                var request = DiskImageSamples.Request(Arch.Parse(arch), rootfs, customizations) with { ImageTypes = [type] };
                var manifest = BootcDiskImage.Generate(request, new SeededRandomSource(HashCode.Combine(arch, rootfs, name, type.Name)));
                var exported = manifest.Pipelines.SingleOrDefault(p => p.Name == type.Export);
                if (exported is null || !ManifestJson.ToCompactString(manifest).Contains($"\"filename\":\"{type.FileName}\"", StringComparison.Ordinal))
                {
                    failures.Add($"{type.Name}/{name}: pipeline {type.Export} does not write {type.FileName}");
                }

                var errors = validator.Validate(ManifestJson.ToCompactString(manifest));
                if (errors.Count > 0)
                {
                    failures.Add($"{type}/{name}: " + string.Join("; ", errors));
                }
            }
        }

        Assert.Empty(failures);
    }
}
