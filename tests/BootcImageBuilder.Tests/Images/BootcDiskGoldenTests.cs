using System.Text.Json.Nodes;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Osbuild;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.Tests.Images;

/// <summary>
/// Generated manifests against real bib output: each reference is moved to the v0.251.0 shape by
/// <see cref="ReferenceToV0251Shape"/>, both are normalised (UUIDs, hashes, crypt strings) and must be equal.
/// </summary>
public class BootcDiskGoldenTests
{
    // Not here: bootc-real-world/2025-04_bryonbaker-* come from a bib older than every era of upstream-manifests.md §8
    // that this generator targets: `partN` mount names, an ext4 /boot under an xfs root, and no vpc or gce pipelines.
    // Moving them to the v0.251.0 shape would mean writing those pipelines from our own output, which proves nothing;
    // the pair still serves as the normaliser's positive test (ManifestNormalizerTests).
    public static TheoryData<string, string, string> References() => new()
    {
        { "bootc-bib-testdata/centos-bootc-stream9-x86_64-disk.json", "x86_64", "centos" },
        { "bootc-bib-testdata/centos-bootc-stream9-aarch64-disk.json", "aarch64", "centos" },
        { "bootc-real-world/2025-08_edhaynes-rhel10_imagemode_manifest-qcow2.json", "x86_64", "redhat" },
        { "bootc-real-world/2025-02_tmichett-Fedora_BootC_manifest-qcow2.json", "x86_64", "fedora" },
        { "bootc-real-world/2025-05_sluetze-afcea-demo_manifest-qcow2.json", "x86_64", "redhat" },
    };

    [SkippableTheory]
    [MemberData(nameof(References))]
    public void Generated_manifest_equals_the_reference_moved_to_the_v0_251_shape(string file, string arch, string uefiVendor)
    {
        var path = SharedReferenceFiles.ReferenceManifest(file);
        Skip.If(path is null, $"reference manifest {file} not found next to the repository");
        var reference = (JsonObject)JsonNode.Parse(File.ReadAllText(path!))!;
        var request = ReferenceRequests.From(reference, Arch.Parse(arch), uefiVendor);

        var generated = ManifestJson.ToIndentedString(BootcDiskImage.Generate(request, new SeededRandomSource(7)));

        var expected = ManifestNormalizer.Normalize(ReferenceToV0251Shape.Apply(reference)).ToJsonString(Indented);
        var actual = ManifestNormalizer.Normalize(generated).ToJsonString(Indented);
        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [MemberData(nameof(References))]
    public void Generated_manifest_for_a_reference_is_valid_for_osbuild(string file, string arch, string uefiVendor)
    {
        var path = SharedReferenceFiles.ReferenceManifest(file);
        Skip.If(path is null, $"reference manifest {file} not found next to the repository");
        var request = ReferenceRequests.From((JsonObject)JsonNode.Parse(File.ReadAllText(path!))!, Arch.Parse(arch), uefiVendor);

        OsbuildSchema.AssertValid(ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(7))));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };
}
