using System.Text.Json.Nodes;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

public class OsbuildSchemaValidatorTests
{
    public static TheoryData<string> ReferenceManifests()
    {
        var data = new TheoryData<string>();
        if (SharedReferenceFiles.ReferenceManifestsDirectory is { } dir)
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(dir, file));
            }
        }
        else
        {
            data.Add("(reference manifests not available)");
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ReferenceManifests))]
    public void Reference_manifest_is_valid(string relativePath)
    {
        var path = SharedReferenceFiles.ReferenceManifest(relativePath);
        Skip.If(path is null, "shared reference manifests are not available next to this checkout");

        OsbuildSchema.AssertValid(ManifestText(path!));
    }

    [SkippableFact]
    public void Manifest_built_with_the_model_is_valid()
    {
        OsbuildSchema.AssertValid(ManifestJson.ToCompactString(CentosBootcReferenceManifest.Manifest()));
    }

    [SkippableFact]
    public void Manifest_using_every_modelled_stage_source_device_and_mount_is_valid()
    {
        OsbuildSchema.AssertValid(ManifestJson.ToIndentedString(EveryModelledTypeManifest.Manifest()));
    }

    [SkippableFact]
    public void Unknown_stage_option_is_rejected()
    {
        var errors = ErrorsAfter(m => Truncate(m)["options"]!["sparse"] = true);

        Assert.Contains(errors, e => e.Path == "pipelines/1/stages/0/options/sparse");
    }

    [SkippableFact]
    public void Option_of_the_wrong_type_is_rejected()
    {
        var errors = ErrorsAfter(m => Truncate(m)["options"]!["size"] = 10737418240);

        Assert.Contains(errors, e => e.Path == "pipelines/1/stages/0/options/size" && e.Message.StartsWith("type", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Missing_required_option_is_rejected()
    {
        var errors = ErrorsAfter(m => Truncate(m)["options"]!.AsObject().Remove("filename"));

        Assert.Contains(errors, e => e.Path == "pipelines/1/stages/0/options" && e.Message.StartsWith("required", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Unknown_stage_type_is_rejected()
    {
        var errors = ErrorsAfter(m => Truncate(m)["type"] = "org.osbuild.no-such-stage");

        Assert.Contains(new SchemaValidationError("pipelines/1/stages/0", "could not find schema information for 'org.osbuild.no-such-stage'"), errors);
    }

    [SkippableFact]
    public void Unknown_device_type_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![1]!["stages"]![1]!["devices"]!["device"]!["type"] = "org.osbuild.floppy");

        Assert.Contains(new SchemaValidationError("pipelines/1/stages/1/devices/device", "could not find schema information for 'org.osbuild.floppy'"), errors);
    }

    [SkippableFact]
    public void Build_reference_to_a_later_pipeline_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![1]!["build"] = "name:gce");

        Assert.Equal([new SchemaValidationError("pipelines/1/build", "'name:gce' does not name an earlier pipeline")], errors);
    }

    [SkippableFact]
    public void Input_reference_to_a_missing_pipeline_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![5]!["stages"]![0]!["inputs"]!["vmdk-tree"]!["references"]![0] = "name:vmdk2");

        Assert.Equal([new SchemaValidationError("pipelines/5/stages/0/inputs/vmdk-tree/references", "'name:vmdk2' does not name an earlier pipeline")], errors);
    }

    [SkippableFact]
    public void Input_reference_to_an_undeclared_source_item_is_rejected()
    {
        var errors = ErrorsAfter(m => m["sources"]!.AsObject().Remove("org.osbuild.skopeo"));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("input references unknown source item 'sha256:d84eacd1", e.Message, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Duplicate_pipeline_name_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![4]!["name"] = "qcow2");

        Assert.Equal([new SchemaValidationError("pipelines/4/name", "duplicate pipeline name 'qcow2'")], errors);
    }

    [SkippableFact]
    public void Mount_source_that_is_not_a_device_of_the_stage_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![1]!["stages"]![5]!["mounts"]![0]!["source"] = "disk2");

        Assert.Equal([new SchemaValidationError("pipelines/1/stages/5/mounts/-", "mount source 'disk2' is not a device of this stage")], errors);
    }

    [SkippableFact]
    public void Device_parent_that_is_not_a_device_of_the_stage_is_rejected()
    {
        var errors = ErrorsAfter(m => m["pipelines"]![1]!["stages"]![1]!["devices"]!["device"]!["parent"] = "luks");

        Assert.Equal([new SchemaValidationError("pipelines/1/stages/1/devices/device", "parent device 'luks' is not a device of this stage")], errors);
    }

    private static JsonNode Truncate(JsonNode manifest) => manifest["pipelines"]![1]!["stages"]![0]!;

    private static IReadOnlyList<SchemaValidationError> ErrorsAfter(Action<JsonNode> breakIt)
    {
        var manifest = JsonNode.Parse(ManifestJson.ToCompactString(CentosBootcReferenceManifest.Manifest()))!;
        breakIt(manifest);
        var errors = OsbuildSchema.Errors(manifest.ToJsonString());
        Assert.NotEmpty(errors);
        return errors;
    }

    // images' 2023 golden files wrap the manifest in a test case object.
    private static string ManifestText(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        return node["manifest"] is JsonObject wrapped ? wrapped.ToJsonString() : node.ToJsonString();
    }
}
