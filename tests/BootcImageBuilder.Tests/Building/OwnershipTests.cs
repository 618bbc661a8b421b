using System.Diagnostics;
using BootcImageBuilder.Building;

namespace BootcImageBuilder.Tests.Building;

public sealed class OwnershipTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ownership-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_writecheck_probe_leaves_no_file_behind()
    {
        Assert.True(Ownership.CanChownIn(_root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void The_probe_of_a_missing_directory_fails_clearly()
    {
        Assert.ThrowsAny<IOException>(() => Ownership.CanChownIn(Path.Combine(_root, "missing")));
    }

    [SkippableFact]
    public void Chown_gives_everything_below_the_root_to_the_owner()
    {
        Skip.IfNot(Environment.UserName == "root", "changing owners needs root");
        Directory.CreateDirectory(Path.Combine(_root, "qcow2"));
        File.WriteAllText(Path.Combine(_root, "qcow2", "disk.qcow2"), "q");
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "/etc/hostname");

        Ownership.ChownRecursive(_root, 1000, 1000);

        Assert.Equal("1000:1000", Owner(_root));
        Assert.Equal("1000:1000", Owner(Path.Combine(_root, "qcow2")));
        Assert.Equal("1000:1000", Owner(Path.Combine(_root, "qcow2", "disk.qcow2")));
        Assert.Equal("1000:1000", Owner(Path.Combine(_root, "link")));
        Assert.Equal("0:0", Owner("/etc/hostname"));
    }

    [SkippableFact]
    public void Chown_without_a_group_uses_our_own_group()
    {
        Skip.IfNot(Environment.UserName == "root", "changing owners needs root");
        File.WriteAllText(Path.Combine(_root, "f"), "x");

        Ownership.ChownRecursive(_root, 1000, null);

        Assert.Equal("1000:0", Owner(Path.Combine(_root, "f")));
    }

    private static string Owner(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return text;
    }
}
