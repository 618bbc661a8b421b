using System.Text.Json.Nodes;
using BootcImageBuilder.Images.Pipelines;

namespace BootcImageBuilder.Tests.Images;

/// <summary>
/// Rewrites a saved bib manifest (produced by an older bib, 2025) into the shape images v0.251.0 gives the same
/// build, one named, documented release difference at a time (upstream-manifests.md §8). Everything not listed here
/// must already be equal; the comparison itself is never loosened.
/// </summary>
public static class ReferenceToV0251Shape
{
    /// <summary>Applies every transform; each one is a no-op on a manifest that already has the new shape.</summary>
    public static JsonObject Apply(JsonObject reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var manifest = (JsonObject)reference.DeepClone();
        UseLocalContainerStorage(manifest);
        FstabToMountUnits(manifest);
        LabelEsp(manifest);
        RelabelEtcAndVarSeparately(manifest);
        Qcow2Compat11(manifest);
        ArchiveIsAnOvaOfThreeFiles(manifest);
        return manifest;
    }

    /// <summary>
    /// The bib PR test data pulled the container from the registry (<c>org.osbuild.skopeo</c> + <c>skopeo-index</c>,
    /// inputs of type <c>org.osbuild.containers</c>); bib builds from the local store (<c>org.osbuild.containers-storage</c>).
    /// </summary>
    public static void UseLocalContainerStorage(JsonObject manifest)
    {
        foreach (var stage in Stages(manifest))
        {
            if (stage["inputs"]?["images"] is JsonObject images && (string?)images["type"] == "org.osbuild.containers")
            {
                images["type"] = "org.osbuild.containers-storage";
            }
        }

        var sources = (JsonObject)manifest["sources"]!;
        if (sources["org.osbuild.skopeo"] is JsonObject skopeo)
        {
            var items = new JsonObject();
            foreach (var (id, _) in (JsonObject)skopeo["items"]!)
            {
                items[id] = new JsonObject();
            }

            sources.Remove("org.osbuild.skopeo");
            sources.Remove("org.osbuild.skopeo-index");
            sources["org.osbuild.containers-storage"] = new JsonObject { ["items"] = items };
        }
    }

    /// <summary>
    /// Early-2025 bib wrote <c>/etc/fstab</c>; since mid 2025 bootc disks get one systemd mount unit per filesystem,
    /// sorted by unit name, and an <c>org.osbuild.systemd</c> stage enabling them (same devices and mounts).
    /// </summary>
    public static void FstabToMountUnits(JsonObject manifest)
    {
        var stages = ImageStages(manifest);
        var index = stages.ToList().FindIndex(s => (string?)s!["type"] == "org.osbuild.fstab");
        if (index < 0)
        {
            return;
        }

        var fstab = stages[index]!;
        var units = new List<(string Name, JsonObject Stage)>();
        foreach (var fs in fstab["options"]!["filesystems"]!.AsArray())
        {
            var path = (string)fs!["path"]!;
            var uuid = (string)fs["uuid"]!;
            var what = "/dev/disk/by-uuid/" + (uuid.Length == 9 && uuid[4] == '-' ? uuid : uuid.ToLowerInvariant());
            var name = SystemdPath.Escape(path) + ".mount";
            units.Add((name, new JsonObject
            {
                ["type"] = "org.osbuild.systemd.unit.create",
                ["options"] = new JsonObject
                {
                    ["filename"] = name,
                    ["unit-path"] = "etc",
                    ["config"] = new JsonObject
                    {
                        ["Unit"] = new JsonObject { ["DefaultDependencies"] = true },
                        ["Mount"] = new JsonObject
                        {
                            ["What"] = what,
                            ["Where"] = path,
                            ["Type"] = fs["vfs_type"]!.DeepClone(),
                            ["Options"] = fs["options"]!.DeepClone(),
                        },
                        ["Install"] = new JsonObject { ["WantedBy"] = new JsonArray("multi-user.target") },
                    },
                },
                ["devices"] = fstab["devices"]!.DeepClone(),
                ["mounts"] = fstab["mounts"]!.DeepClone(),
            }));
        }

        units.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var enable = new JsonObject
        {
            ["type"] = "org.osbuild.systemd",
            ["options"] = new JsonObject { ["enabled_services"] = new JsonArray([.. units.Select(u => (JsonNode)JsonValue.Create(u.Name))]) },
            ["devices"] = fstab["devices"]!.DeepClone(),
            ["mounts"] = fstab["mounts"]!.DeepClone(),
        };
        stages.RemoveAt(index);
        foreach (var node in units.Select(u => u.Stage).Append(enable).Reverse())
        {
            stages.Insert(index, node);
        }
    }

    /// <summary>Early-2025 bib left the ESP without a filesystem label; later ones label it <c>EFI-SYSTEM</c>.</summary>
    public static void LabelEsp(JsonObject manifest)
    {
        foreach (var stage in ImageStages(manifest))
        {
            if ((string?)stage!["type"] == "org.osbuild.mkfs.fat" && stage["options"]!["label"] is null)
            {
                stage["options"]!["label"] = "EFI-SYSTEM";
            }
        }
    }

    /// <summary>Before Nov 2025 one selinux stage relabelled the whole deployment; v0.251.0 relabels /etc, then /var.</summary>
    public static void RelabelEtcAndVarSeparately(JsonObject manifest)
    {
        var stages = ImageStages(manifest);
        var last = stages[^1]!;
        if ((string?)last["type"] != "org.osbuild.selinux" || last["options"]!["target"] is not null)
        {
            return;
        }

        stages.RemoveAt(stages.Count - 1);
        foreach (var target in new[] { "tree:///etc", "tree:///var" })
        {
            var copy = (JsonObject)last.DeepClone();
            var options = (JsonObject)copy["options"]!;
            var reordered = new JsonObject { ["target"] = target };
            foreach (var (key, value) in options)
            {
                reordered[key] = value?.DeepClone();
            }

            copy["options"] = reordered;
            stages.Add(copy);
        }
    }

    /// <summary>bib before ~Sep 2025 wrote qcow2 <c>compat ""</c>; the platform default is now <c>1.1</c>.</summary>
    public static void Qcow2Compat11(JsonObject manifest)
    {
        var format = Pipeline(manifest, "qcow2")["stages"]![0]!["options"]!["format"]!;
        if ((string?)format["compat"] == string.Empty)
        {
            format["compat"] = "1.1";
        }
    }

    /// <summary>
    /// Older bib archived <c>&lt;base&gt;.tar</c> with a stray <c>&lt;base&gt;.vhd</c> path; since autumn 2025 the archive
    /// is <c>&lt;base&gt;.ova</c>, a ustar of descriptor, manifest and vmdk. The base name is kept as the reference has it.
    /// </summary>
    public static void ArchiveIsAnOvaOfThreeFiles(JsonObject manifest)
    {
        var options = Pipeline(manifest, "archive")["stages"]![0]!["options"]!;
        var paths = options["paths"]!.AsArray();
        options["filename"] = Path.GetFileNameWithoutExtension((string)paths[0]!) + ".ova";
        options["paths"] = new JsonArray([.. paths.Take(3).Select(p => p!.DeepClone())]);
    }

    private static JsonObject Pipeline(JsonObject manifest, string name) =>
        (JsonObject)manifest["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static JsonArray ImageStages(JsonObject manifest) => Pipeline(manifest, "image")["stages"]!.AsArray();

    private static IEnumerable<JsonNode> Stages(JsonObject manifest) =>
        manifest["pipelines"]!.AsArray().SelectMany(p => p!["stages"]?.AsArray() ?? []).OfType<JsonNode>();
}
