namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// Host files a hostile image's links reach: a tree at <see cref="Directory"/> whose every file (and the names a
/// manifest would carry: a vendor directory, a kernel version) holds <see cref="Marker"/>, written fresh for each
/// run, and real host files whose lines must not show up either. A run that read any of them carries a marker or a
/// host line in its output.
/// </summary>
public static class HostBait
{
    /// <summary>The tree's place on the host; the image scripts link to it absolutely and through <c>..</c>.</summary>
    public const string Directory = "/tmp/bib-hostile-host";

    /// <summary>Real host files images link to; compared by content (lines of 8 characters or more).</summary>
    public static readonly IReadOnlyList<string> RealHostFiles = ["/etc/passwd", "/etc/group", "/etc/os-release", "/etc/selinux/config", "/etc/hostname"];

    /// <summary>Unique to this test process.</summary>
    public static string Marker { get; } = "bibhostmark" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A link target that climbs out of the image root with <c>..</c> to <paramref name="relative"/> in the tree.</summary>
    public static string DotDot(string relative) => string.Concat(Enumerable.Repeat("../", 12)) + Directory.TrimStart('/') + "/" + relative;

    /// <summary>(Re)writes the tree with this run's marker.</summary>
    public static void Write()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        File("config.json", $$$$"""{"customizations": {"filesystem": [{"mountpoint": "/var/{{{{Marker}}}}", "minsize": "2 GiB"}], "kernel": {"append": "{{{{Marker}}}}"}}}""");
        File("disk.yaml", $"partition_table:\n  type: gpt\n  partitions:\n    - size: 10 GiB\n      payload_type: filesystem\n      payload:\n        type: xfs\n        label: {Marker[..16]}\n        mountpoint: /var/{Marker}\n");
        File("os-release", $"ID={Marker}\nVERSION_ID=9\nNAME={Marker}\nPLATFORM_ID=platform:el9\n");
        File("selinux/config", $"SELINUX=enforcing\nSELINUXTYPE={Marker}\n");
        File($"EFI/{Marker}/shimx64.efi", Marker);
        File($"modules/6.0.{Marker}/vmlinuz", Marker);
        File("yum.repos.d/host.repo", $"[{Marker}]\nname={Marker}\nbaseurl=file:///{Marker}\n");
        File("RPM-GPG-KEY", Marker);
    }

    /// <summary>Every marker and host line found in <paramref name="output"/>; empty when it read nothing of the host.</summary>
    public static IReadOnlyList<string> FoundIn(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var found = new List<string>();
        if (output.Contains(Marker, StringComparison.Ordinal))
        {
            found.Add(Marker);
        }

        foreach (var path in RealHostFiles.Where(System.IO.File.Exists))
        {
            found.AddRange(System.IO.File.ReadAllLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length >= 8 && !line.StartsWith('#') && output.Contains(line, StringComparison.Ordinal))
                .Select(line => $"{path}: {line}"));
        }

        return found;
    }

    private static void File(string relative, string text)
    {
        var path = Path.Join(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }
}
