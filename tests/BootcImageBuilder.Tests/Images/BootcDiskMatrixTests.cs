using BootcImageBuilder.Images;
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
            foreach (var type in DiskImageOutput.DiskImageTypes)
            {
                var request = DiskImageSamples.Request(Arch.Parse(arch), rootfs, customizations);
                var manifest = BootcDiskImage.Generate(request, new SeededRandomSource(HashCode.Combine(arch, rootfs, name, type)));
                var output = DiskImageOutput.For(type);
                if (!manifest.Pipelines.Any(p => p.Name == output.Export))
                {
                    failures.Add($"{type}/{name}: no pipeline {output.Export}");
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
