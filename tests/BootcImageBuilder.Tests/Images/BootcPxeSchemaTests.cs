using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Every PXE manifest osbuild's own schemas accept, for each architecture and customization set.</summary>
public class BootcPxeSchemaTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var arch in (string[])["x86_64", "aarch64", "ppc64le", "s390x", "riscv64"])
        {
            foreach (var set in (string[])["none", "supported", "filesystems", "disk-lvm"])
            {
                foreach (var rootfs in (string[])["xfs", "ext4"])
                {
                    data.Add(arch, set, rootfs);
                }
            }
        }

        data.Add("x86_64", "none", "btrfs");
        data.Add("aarch64", "disk-btrfs", "btrfs");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void The_manifest_is_valid_for_osbuild(string arch, string set, string rootfs)
    {
        var customizations = set switch
        {
            "supported" => PxeImageSamples.Supported,
            "filesystems" => DiskImageSamples.Filesystems(rootfs),
            "disk-lvm" => DiskImageSamples.LvmDisk,
            "disk-btrfs" => DiskImageSamples.BtrfsDisk,
            _ => (Customizations?)null,
        };
        var request = PxeImageSamples.Request(Arch.Parse(arch), customizations, rootfs);

        OsbuildSchema.AssertValid(ManifestJson.ToCompactString(BootcPxeImage.Generate(request, new SeededRandomSource(3))));
    }
}
