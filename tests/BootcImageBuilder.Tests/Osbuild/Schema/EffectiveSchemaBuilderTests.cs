using System.Text.Json.Nodes;

namespace BootcImageBuilder.Tests.Osbuild.Schema;

public class EffectiveSchemaBuilderTests
{
    [SkippableFact]
    public void Schemas_built_from_meta_files_equal_the_effective_v2_schemas_osbuild_generated()
    {
        var schemas = SharedReferenceFiles.SharedDirectory is { } shared ? Path.Combine(shared, "osbuild-schemas") : null;
        Skip.If(schemas is null || !Directory.Exists(Path.Combine(schemas, "effective-v2")), "shared osbuild-schemas with effective-v2 are not available");

        var mismatches = new List<string>();
        var count = 0;
        foreach (var kind in Enum.GetValues<OsbuildModuleKind>())
        {
            foreach (var metaPath in Directory.EnumerateFiles(Path.Combine(schemas!, kind.DirectoryName()), "*.json"))
            {
                var name = Path.GetFileNameWithoutExtension(metaPath);
                var meta = JsonNode.Parse(File.ReadAllText(metaPath))!.AsObject();
                var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(schemas!, "effective-v2", kind.DirectoryName(), name + ".json")));
                count++;
                if (!JsonNode.DeepEquals(expected, EffectiveSchemaBuilder.Build(kind, name, meta)))
                {
                    mismatches.Add($"{kind.DirectoryName()}/{name}");
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(203, count);
    }
}
