using BootcImageBuilder.IntegrationTests.Containers;
using Xunit.Abstractions;

namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>Boots the artifacts of an end-to-end build, each through QEMU's own block driver for its format.</summary>
internal static class BuiltDiskBoot
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(12);

    /// <summary>
    /// Boots <paramref name="artifact"/> (relative to the build's output) of QEMU block <paramref name="format"/>; an
    /// <c>ova</c> boots the vmdk inside it, a <c>gce</c> archive the <c>disk.raw</c> inside it.
    /// </summary>
    public static async Task<VirtualMachine> BootAsync(EndToEndBuild build, string artifact, string format)
    {
        await build.EnsureBuiltAsync();
        var disk = Path.Join(build.Output, artifact);
        (disk, format) = format switch
        {
            "ova" => (await build.ExtractAsync(disk, "disk.vmdk"), "vmdk"),
            "gce" => (await build.ExtractAsync(disk, "disk.raw"), "raw"),
            _ => (disk, format),
        };
        var raw = format == "raw" ? disk : await build.ToRawAsync(disk, format);
        var entry = await BootEntry.ReadAsync(raw, build.Work);
        return await VirtualMachine.BootAsync(build.Guest, disk, format, entry, Limit);
    }

    /// <summary>
    /// Boots a PXE tree (relative to the build's output) the way its README tells users to boot it without a web server:
    /// the README's own commands make combined.img (rootfs.img inside the initrd) in a directory of the work directory
    /// that links to the tree's files, and the kernel gets the command line of grub.cfg's entry that boots combined.img.
    /// </summary>
    public static async Task<VirtualMachine> BootPxeTreeAsync(EndToEndBuild build, string tree)
    {
        await build.EnsureBuiltAsync();
        var directory = Path.Join(build.Output, tree);
        var boot = Directory.CreateDirectory(Path.Join(build.Work, "pxe-boot")).FullName;
        foreach (var file in Directory.GetFiles(directory))
        {
            File.CreateSymbolicLink(Path.Join(boot, Path.GetFileName(file)), file);
        }

        var commands = PxeMenu.CombinedImageCommands(await File.ReadAllTextAsync(Path.Join(directory, "README")));
        await TestImages.RunCheckedAsync("bash", "-euo", "pipefail", "-c", "cd \"$1\"; eval \"$2\"", "readme", boot, commands);
        var options = PxeMenu.CombinedImageOptions(await File.ReadAllTextAsync(Path.Join(directory, "grub.cfg")));
        return await VirtualMachine.BootKernelAsync(
            build.Guest, Path.Join(directory, "vmlinuz"), Path.Join(boot, "combined.img"), options, disk: null, Limit);
    }

    /// <summary>The time to the shell prompt and the accelerator, in the test's output and the run's durations log.</summary>
    public static async Task RecordLoginTimeAsync(ITestOutputHelper output, EndToEndBuild build, VirtualMachine vm, string format)
    {
        var timing = $"{build.GetType().Name} boot {format}: login after {vm.LoginTime.TotalSeconds:F0} s under {vm.Accelerator}";
        output.WriteLine(timing);
        await EndToEndBuild.RecordDurationAsync(timing);
    }

    /// <summary>The booted system is up: no mount unit failed and it reached <c>multi-user.target</c>.</summary>
    public static async Task AssertSystemUpAsync(VirtualMachine vm)
    {
        var failed = await vm.RunAsync("systemctl --failed --no-legend --plain --no-pager");
        Assert.DoesNotContain(".mount", failed, StringComparison.Ordinal);
        Assert.Equal("active", (await vm.RunAsync("systemctl is-active multi-user.target")).Trim());
    }
}
