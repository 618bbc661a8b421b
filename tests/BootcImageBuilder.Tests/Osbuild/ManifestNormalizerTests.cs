using System.Text.Json.Nodes;

namespace BootcImageBuilder.Tests.Osbuild;

public class ManifestNormalizerTests
{
    private const string BryonbakerQcow2 = "bootc-real-world/2025-04_bryonbaker-bootc-examples_manifest-qcow2.json";
    private const string BryonbakerAmi = "bootc-real-world/2025-04_bryonbaker-bootc-examples_manifest-ami.json";

    private static string Read(string relativePath)
    {
        var path = SharedReferenceFiles.ReferenceManifest(relativePath);
        Skip.If(path is null, "shared reference manifests are not available next to this checkout");
        return File.ReadAllText(path!);
    }

    [SkippableFact]
    public void Two_runs_of_the_same_build_differ_before_normalization()
    {
        Assert.NotEqual(Read(BryonbakerQcow2), Read(BryonbakerAmi));
    }

    [SkippableFact]
    public void Two_runs_of_the_same_build_are_equal_after_normalization()
    {
        Assert.True(ManifestNormalizer.StructurallyEqual(Read(BryonbakerQcow2), Read(BryonbakerAmi)));
    }

    [SkippableFact]
    public void A_changed_partition_size_still_makes_manifests_differ()
    {
        var changed = Read(BryonbakerAmi).Replace("\"size\": \"10737418240\"", "\"size\": \"21474836480\"", StringComparison.Ordinal);

        Assert.False(ManifestNormalizer.StructurallyEqual(Read(BryonbakerQcow2), changed));
    }

    [SkippableFact]
    public void A_broken_uuid_cross_reference_makes_manifests_differ()
    {
        var original = Read(CentosBootcReferenceManifest.RelativePath);
        var broken = original.Replace(
            "/dev/disk/by-uuid/6e4ff95f-f662-45ee-a82a-bdf44a2d0b75",
            "/dev/disk/by-uuid/0194fdc2-fa2f-4cc0-81d3-ff12045b73c8",
            StringComparison.Ordinal);

        Assert.False(ManifestNormalizer.StructurallyEqual(original, broken));
    }

    [SkippableFact]
    public void Uuids_get_tokens_in_document_order_and_keep_their_cross_references()
    {
        var image = ManifestNormalizer.Normalize(Read(CentosBootcReferenceManifest.RelativePath))["pipelines"]![1]!["stages"]!;

        Assert.Equal("UUID-1", (string?)image[1]!["options"]!["uuid"]);
        Assert.Equal("UUID-5", (string?)image[1]!["options"]!["partitions"]![3]!["uuid"]);
        Assert.Equal("UUID-6", (string?)image[2]!["options"]!["volid"]);
        Assert.Equal("UUID-8", (string?)image[4]!["options"]!["uuid"]);
        Assert.Equal("/dev/disk/by-uuid/UUID-8", (string?)image[6]!["options"]!["config"]!["Mount"]!["What"]);
        Assert.Equal("/dev/disk/by-uuid/UUID-6", (string?)image[7]!["options"]!["config"]!["Mount"]!["What"]);
    }

    [SkippableFact]
    public void Container_ids_are_replaced_consistently_in_keys_and_values()
    {
        var manifest = ManifestNormalizer.Normalize(Read(CentosBootcReferenceManifest.RelativePath));

        var reference = manifest["pipelines"]![0]!["stages"]![0]!["inputs"]!["images"]!["references"]!.AsObject().Single().Key;
        var item = manifest["sources"]!["org.osbuild.skopeo"]!["items"]!.AsObject().Single();
        Assert.Equal("sha256:HASH-1", reference);
        Assert.Equal("sha256:HASH-1", item.Key);
        Assert.Equal("sha256:HASH-2", (string?)item.Value!["image"]!["digest"]);
    }

    [Fact]
    public void Escaped_uuids_in_swap_unit_names_match_their_device_paths()
    {
        var manifest = JsonNode.Parse("""
            {"a": {"uuid": "ABCD-EF01"}, "b": {"filename": "dev-disk-by\\x2duuid-abcd\\x2def01.swap", "What": "/dev/disk/by-uuid/abcdef01"}}
            """)!;

        var normalized = ManifestNormalizer.Normalize(manifest);

        Assert.Equal("""{"a":{"uuid":"UUID-1"},"b":{"filename":"dev-disk-by\\x2duuid-UUID-1.swap","What":"/dev/disk/by-uuid/UUID-1"}}""", normalized.ToJsonString());
    }

    [Fact]
    public void Crypt_hashes_are_replaced_by_tokens()
    {
        var normalized = ManifestNormalizer.Normalize("""{"users": {"a": {"password": "$6$salt$hash"}, "b": {"password": "$6$salt$hash"}}}""");

        Assert.Equal("""{"users":{"a":{"password":"CRYPT-1"},"b":{"password":"CRYPT-1"}}}""", normalized.ToJsonString());
    }
}
