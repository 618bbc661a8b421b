using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

public sealed class InstalledLayoutTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("osbuild-layout-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [SkippableFact]
    public void Installed_osbuild_layout_builds_schemas_from_meta_files_and_knows_only_installed_modules()
    {
        var shared = SharedReferenceFiles.SharedDirectory;
        Skip.If(shared is null, "shared osbuild-schemas are not available to build a fake installed layout from");
        var schemas = Path.Combine(shared!, "osbuild-schemas");
        Directory.CreateDirectory(Path.Combine(root, "schemas"));
        Directory.CreateDirectory(Path.Combine(root, "stages"));
        File.Copy(Path.Combine(schemas, "osbuild2.json"), Path.Combine(root, "schemas", "osbuild2.json"));
        File.WriteAllText(Path.Combine(root, "stages", "org.osbuild.truncate"), "#!/usr/bin/python3\n");
        File.Copy(Path.Combine(schemas, "stages", "org.osbuild.truncate.json"), Path.Combine(root, "stages", "org.osbuild.truncate.meta.json"));
        var validator = new OsbuildSchemaValidator(OsbuildSchemaCatalog.FromInstalledLayout(root));

        var valid = new Manifest([new Pipeline("image", [Stage.Of(new TruncateOptions("disk.raw", 1024))])], []);
        var unknown = new Manifest([new Pipeline("image", [Stage.Of(new OvfOptions("disk.vmdk"))])], []);

        Assert.Empty(validator.Validate(ManifestJson.ToCompactString(valid)));
        Assert.Equal(
            [new SchemaValidationError("pipelines/0/stages/0", "could not find schema information for 'org.osbuild.ovf'")],
            validator.Validate(ManifestJson.ToCompactString(unknown)));
    }
}
