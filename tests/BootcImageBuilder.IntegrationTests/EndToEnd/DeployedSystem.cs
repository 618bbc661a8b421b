namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>What the end-to-end tests read off a built disk: GPT partition types, account entries, boot entries.</summary>
internal static class DeployedSystem
{
    public const long GiB = 1L << 30;
    public const string LinuxFilesystem = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    public const string PrepBoot = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
    public const string Ppc64leRoot = "C31C45E6-3F39-412E-80FB-4809C4980599";

    /// <summary>The fields of <paramref name="name"/>'s line in an <c>/etc</c> account file (passwd, shadow, group).</summary>
    public static string[] Entry(string etc, string file, string name) =>
        Assert.Single(File.ReadAllLines(Path.Join(etc, file)), line => line.StartsWith(name + ":", StringComparison.Ordinal)).Split(':');

    /// <summary>The kernel arguments of the single boot loader entry under <paramref name="boot"/> (a mounted /boot).</summary>
    public static string[] BootEntryOptions(string boot)
    {
        var entry = File.ReadAllLines(Assert.Single(Directory.GetFiles(Path.Join(boot, "loader", "entries"), "*.conf")));
        return Assert.Single(entry, line => line.StartsWith("options ", StringComparison.Ordinal)).Split(' ')[1..];
    }

    /// <summary>The <c>[Mount]</c> settings of a systemd mount unit in the deployment's <c>/etc</c>.</summary>
    public static IReadOnlyDictionary<string, string> MountUnit(string etc, string unit) =>
        File.ReadAllLines(Path.Join(etc, "systemd", "system", unit))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
