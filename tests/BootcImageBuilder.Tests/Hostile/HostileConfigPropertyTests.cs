using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Images;
using BootcImageBuilder.Tests.Osbuild.Schema;
using CsCheck;

namespace BootcImageBuilder.Tests.Hostile;

/// <summary>
/// Configs built from hostile pieces (names with separators and newlines, escaping paths, sizes near 2^64):
/// whatever the tool accepts gives a schema-valid manifest in which no path escapes its root, no name carries a
/// separator or newline into a unit, fstab or mount option, and every partition lies inside the disk, apart from
/// the others. Whatever it refuses, it refuses with a <see cref="BibException"/>.
/// </summary>
public class HostileConfigPropertyTests
{
    private static readonly Gen<string> NameGen = Mostly(
        ["root", "home", "data", "var_log", "@snap", "a.b", "a/b", "x+y"],
        ["..", "a/../b", "a,b", "a b", "a\nb", "-x", "x=y", "/abs", "", "ü", "a\\b", new string('n', 130)]).Select(Json);

    private static readonly Gen<string> MountpointGen = Mostly(
        ["/", "/boot", "/var/log", "/var/data", "/var/a-b", "/var/a:b", "/var/lib/x.y"],
        ["/var/a b", "/var/a\nb", "/var/../etc", "/var/log/", "/etc", "relative", "/var/a,b", "/var/a\\b", "/var/home", "/var/ü"]).Select(Json);

    private static readonly Gen<string> OwnerGen = Mostly(
        ["\"root\"", "\"wheel\"", "0", "4294967294", "\"a.b\""],
        ["4294967295", "-1", "\"a\\nb\"", "\"a:b\"", "\"../x\"", "\"\""]);

    private static readonly Gen<string> PathGen = Mostly(
        ["/etc/x", "/etc/a/b", "/var/lib/x"],
        ["/etc/../x", "/var/x\\ny", "relative", "/usr/../../etc/shadow", "/etc/a b", "/etc/a/"]).Select(Json);

    private static readonly Gen<string> Sizes = Gen.Frequency(
        (7, Gen.ULong[1, 1UL << 34].Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("18446744073709551615", "18446744073709000000", "9223372036854775807", "9223372036853727232", "4611686018427387904", "0", "-1", "\"1 GiB\"", "\"8388607 TiB\"", "\"20 GiB\"")));

    private static readonly Gen<string> PlainGen =
        from mountpoint in MountpointGen
        from fsType in Gen.OneOf("\"ext4\"", "\"xfs\"", "\"swap\"")
        from size in Sizes
        select $$"""{"mountpoint": {{mountpoint}}, "fs_type": {{fsType}}, "minsize": {{size}}}""";

    private static readonly Gen<string> LvmGen =
        from vg in NameGen
        from lvs in (from name in NameGen
                     from mountpoint in MountpointGen
                     from size in Sizes
                     select $$"""{"name": {{name}}, "mountpoint": {{mountpoint}}, "fs_type": "xfs", "minsize": {{size}}}""").Array[1, 3]
        from size in Sizes
        select $$"""{"type": "lvm", "name": {{vg}}, "minsize": {{size}}, "logical_volumes": [{{string.Join(", ", lvs)}}]}""";

    private static readonly Gen<string> BtrfsGen =
        from subvolumes in (from name in NameGen
                            from mountpoint in MountpointGen
                            select $$"""{"name": {{name}}, "mountpoint": {{mountpoint}}}""").Array[1, 3]
        from size in Sizes
        select $$"""{"type": "btrfs", "minsize": {{size}}, "subvolumes": [{"name": "root", "mountpoint": "/"}, {{string.Join(", ", subvolumes)}}]}""";

    private static readonly Gen<string> DiskGen =
        from type in Gen.OneOf("\"gpt\"", "\"dos\"")
        from minsize in Sizes
        from offset in Gen.Frequency((4, Gen.OneOf("0", "1048576")), (1, Gen.Const("9223372036853727232")))
        from plain in PlainGen.Array[0, 3]
        from kind in Gen.Int[0, 2]
        from lvm in LvmGen
        from btrfs in BtrfsGen
        let partitions = kind switch { 0 => plain, 1 => [.. plain, lvm], _ => [.. plain, btrfs] }
        select $$$"""{"disk": {"type": {{{type}}}, "minsize": {{{minsize}}}, "start_offset": {{{offset}}}, "partitions": [{{{string.Join(", ", partitions)}}}]}}""";

    private static readonly Gen<string> FilesystemGen =
        from filesystems in (from mountpoint in MountpointGen
                             from size in Sizes
                             select $$"""{"mountpoint": {{mountpoint}}, "minsize": {{size}}}""").Array[1, 4]
        select $$"""{"filesystem": [{{string.Join(", ", filesystems)}}]}""";

    private static readonly Gen<string> NodesGen =
        from path in PathGen
        from user in OwnerGen
        from grp in OwnerGen
        select $$$"""{"files": [{"path": {{{path}}}, "data": "x", "user": {{{user}}}, "group": {{{grp}}}}], "directories": [{"path": {{{path}}}, "user": {{{user}}}}]}""";

    private static readonly Gen<(string Config, string Rootfs)> Configs =
        from customizations in Gen.OneOf(DiskGen, FilesystemGen, NodesGen)
        from rootfs in Gen.OneOf("ext4", "xfs", "btrfs")
        select ($$"""{"customizations": {{customizations}}}""", rootfs);

    [Fact]
    public void Every_accepted_hostile_config_gives_a_safe_manifest()
    {
        var accepted = 0;
        Configs.Sample(
            c =>
            {
                if (Generate(c.Config, c.Rootfs) is { } manifest)
                {
                    accepted++;
                    AssertSafe(manifest);
                }
            },
            iter: 800,
            threads: 1);

        // The generators are hostile but not hopeless: a good share of configs must get through to be checked.
        Assert.True(accepted > 100, $"only {accepted} of 800 configs were accepted");
    }

    /// <summary>The manifest JSON, or null when the config or the layout is refused (which must be our exception).</summary>
    private static string? Generate(string config, string rootfs)
    {
        try
        {
            var blueprint = BlueprintParser.Parse(config, ConfigFormat.Json, "c.json");
            var request = DiskImageSamples.Request(Arch.X86_64, rootfs, blueprint.Customizations);
            return ManifestJson.ToCompactString(BootcDiskImage.Generate(request, new SeededRandomSource(7)));
        }
        catch (BibException)
        {
            return null;
        }
    }

    private static void AssertSafe(string manifestJson)
    {
        OsbuildSchema.AssertValid(manifestJson);
        var manifest = JsonNode.Parse(manifestJson)!;
        var stages = manifest["pipelines"]!.AsArray().SelectMany(p => p!["stages"]!.AsArray()).Select(s => s!).ToList();
        foreach (var stage in stages)
        {
            AssertNoUnsafeStrings((string)stage["type"]!, stage["options"]);
        }

        var image = manifest["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == "image")!["stages"]!.AsArray().Select(s => s!).ToList();
        AssertPartitionsInsideTheDisk(image);
    }

    // Names and paths reach unit files and fstab (one line per entry), mount options (comma-separated) and paths.
    private static void AssertNoUnsafeStrings(string stageType, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        Assert.False(text.Contains('\n') || text.Contains('\r'), $"{stageType}.{key} carries a newline: {text}");
                        Assert.DoesNotMatch(@"(^|/)\.\.(/|$)", text);
                        if (key is "Options" or "options" && text.Contains("subvol=", StringComparison.Ordinal))
                        {
                            var subvolume = text.Split(',').Single(o => o.StartsWith("subvol=", StringComparison.Ordinal))["subvol=".Length..];
                            Assert.Null(BootcImageBuilder.Disk.VolumeNameRules.BtrfsSubvolumeNameError(subvolume));
                        }
                    }
                    else
                    {
                        AssertNoUnsafeStrings(stageType, value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        Assert.False(text.Contains('\n'), $"{stageType} list item carries a newline: {text}");
                        Assert.DoesNotMatch(@"(^|/)\.\.(/|$)", text);
                    }
                    else
                    {
                        AssertNoUnsafeStrings(stageType, item);
                    }
                }

                break;
        }
    }

    private static void AssertPartitionsInsideTheDisk(List<JsonNode> stages)
    {
        var diskSectors = ulong.Parse((string)stages.Single(s => (string)s["type"]! == "org.osbuild.truncate")["options"]!["size"]!, System.Globalization.CultureInfo.InvariantCulture) / 512;
        var partitions = stages.Single(s => ((string)s["type"]!).StartsWith("org.osbuild.sfdisk", StringComparison.Ordinal) || (string)s["type"]! == "org.osbuild.sgdisk")["options"]!["partitions"]!
            .AsArray().Select(p => ((ulong)p!["start"]!, (ulong)p["size"]!)).OrderBy(p => p.Item1).ToList();
        var previousEnd = 1UL;
        foreach (var (start, size) in partitions)
        {
            Assert.True(size > 0, "a partition without a size");
            Assert.True(start >= previousEnd, $"partition at {start} overlaps the one before (ends at {previousEnd})");
            Assert.True(start + size <= diskSectors, $"partition {start}+{size} outside {diskSectors} sectors");
            previousEnd = start + size;
        }
    }

    private static string Json(string text) => JsonValue.Create(text).ToJsonString();

    /// <summary>Benign values seven times in eight, so that many configs get through to be checked.</summary>
    private static Gen<string> Mostly(string[] benign, string[] hostile) =>
        Gen.Frequency((7, Gen.OneOf(benign)), (1, Gen.OneOf(hostile)));
}
