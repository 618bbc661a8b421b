namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// Configs that pass the schema but carry names or sizes their consumers cannot take: btrfs subvolume names (paths,
/// mount options, unit files), LVM names (device paths), mountpoints (fstab, units), and sizes whose sum passes
/// the disk's bounds. Each with the exact message after <c>cannot generate manifest: </c>.
/// </summary>
public static class HostileLayoutCases
{
    private const string Subvolume = "error reading disk customizations: invalid partitioning customizations:\ninvalid btrfs subvolume name: it must be path segments of the characters A-Z a-z 0-9 _ . @ + - joined by '/', without '.' or '..' segments, at most 255 characters";
    private const string Lvm = " name: it must be 1 to 127 of the characters A-Z a-z 0-9 + _ . - and not start with '-' or be '.' or '..'";
    private const string MountpointText = "mountpoint must not contain whitespace, control characters or backslashes";

    public static TheoryData<string, string, string> All()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in (string[])["..", "a/../b", "../etc", "a,b", "a b", "a\nb", "a\tb", "/", ".", "a//b", "subvol=x", "a=b", new string('a', 256), "a\\b", "ä"])
        {
            data.Add($"btrfs subvolume {Escape(name)}", Btrfs(name), Subvolume);
        }

        foreach (var (field, name) in (IEnumerable<(string, string)>)[("vg", "a/b"), ("vg", ".."), ("vg", "-vg"), ("vg", "a b"), ("vg", "vg\n"), ("vg", new string('v', 128)), ("lv", "a/b"), ("lv", ".."), ("lv", "lv\n"), ("lv", "-lv"), ("lv", "a,b")])
        {
            var what = field == "vg" ? "LVM volume group" : "LVM logical volume";
            data.Add($"{what} name {Escape(name)}", field == "vg" ? Lvm2(name, "rootlv") : Lvm2("vg0", name), $"error reading disk customizations: invalid partitioning customizations:\ninvalid {what}{Lvm}");
        }

        foreach (var mountpoint in (string[])["/var/a b", "/var/a\nb", "/var/a\tb", "/var/a\\b"])
        {
            data.Add($"partition mountpoint {Escape(mountpoint)}", Plain(mountpoint), $"error reading disk customizations: invalid partitioning customizations:\n{MountpointText}");
            data.Add(
                $"filesystem mountpoint {Escape(mountpoint)}",
                $$$$"""{"customizations": {"filesystem": [{"mountpoint": {{{{Json(mountpoint)}}}}, "minsize": "1 GiB"}]}}""",
                $"the following errors occurred while validating custom mountpoints:\npath {Quote(mountpoint)} must not contain whitespace, control characters or backslashes");
        }

        data.Add("two partitions of 5 EiB", $$$$"""{"customizations": {"disk": {"partitions": [{{{{Part("/var/a", "5764607523034234880")}}}}, {{{{Part("/var/b", "5764607523034234880")}}}}]}}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("a partition of 8 EiB beside the root", $$$$"""{"customizations": {"disk": {"partitions": [{{{{Part("/var/a", "9223372036853727232")}}}}]}}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("a start offset at 8 EiB", $$$$"""{"customizations": {"disk": {"start_offset": 9223372036853727232, "partitions": [{{{{Part("/var/a", "1048576")}}}}]}}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("three partitions of 6 EiB (a sum past 64 bits)", $$$$"""{"customizations": {"disk": {"partitions": [{{{{string.Join(", ", Enumerable.Range(0, 3).Select(i => Part($"/var/p{i}", "6917529027641081856")))}}}}]}}}""",
            "cannot lay out the disk: the partitions need more than the largest disk image (8 EiB)");
        data.Add("a dos disk of 3 TiB", """{"customizations": {"disk": {"type": "dos", "minsize": "3 TiB"}}}""",
            "cannot lay out the disk: it needs more than the 2 TiB a dos partition table can address");
        data.Add("filesystems of 5 EiB each", """{"customizations": {"filesystem": [{"mountpoint": "/var/a", "minsize": 5764607523034234880}, {"mountpoint": "/var/b", "minsize": 5764607523034234880}]}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("logical volumes of 5 EiB each", $$$$"""{"customizations": {"disk": {"partitions": [{"type": "lvm", "minsize": 1, "logical_volumes": [{"mountpoint": "/var/a", "minsize": 5764607523034234880, "fs_type": "xfs"}, {"mountpoint": "/var/b", "minsize": 5764607523034234880, "fs_type": "xfs"}]}]}}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("subvolumes of a 8 EiB volume", """{"customizations": {"disk": {"partitions": [{"type": "btrfs", "minsize": 9223372036853727232, "subvolumes": [{"name": "root", "mountpoint": "/"}, {"name": "home", "mountpoint": "/var/home2"}]}]}}}""",
            "cannot lay out the disk: it needs more than the largest disk image (8 EiB)");
        data.Add("five dos partitions", $$$$"""{"customizations": {"disk": {"type": "dos", "partitions": [{{{{string.Join(", ", Enumerable.Range(0, 5).Select(i => Part($"/var/p{i}", "1048576")))}}}}]}}}""",
            "error reading disk customizations: invalid partitioning customizations: \"dos\" partition table type only supports up to 4 partitions: got 5");
        return data;
    }

    private static string Btrfs(string name) =>
        $$$$"""{"customizations": {"disk": {"partitions": [{"type": "btrfs", "minsize": "10 GiB", "subvolumes": [{"name": "root", "mountpoint": "/"}, {"name": {{{{Json(name)}}}}, "mountpoint": "/var/data"}]}]}}}""";

    private static string Lvm2(string vg, string lv) =>
        $$$$"""{"customizations": {"disk": {"partitions": [{"type": "lvm", "name": {{{{Json(vg)}}}}, "minsize": "10 GiB", "logical_volumes": [{"name": {{{{Json(lv)}}}}, "mountpoint": "/", "minsize": "5 GiB"}]}]}}}""";

    private static string Plain(string mountpoint) =>
        $$$$"""{"customizations": {"disk": {"partitions": [{{{{Part(mountpoint, "1073741824")}}}}]}}}""";

    private static string Part(string mountpoint, string minsize) => $$$$"""{"mountpoint": {{{{Json(mountpoint)}}}}, "minsize": {{{{minsize}}}}, "fs_type": "xfs"}""";

    private static string Json(string text) => System.Text.Json.Nodes.JsonValue.Create(text).ToJsonString();

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    private static string Escape(string text) => Quote(text.Length > 20 ? text[..8] + "…" : text);
}
