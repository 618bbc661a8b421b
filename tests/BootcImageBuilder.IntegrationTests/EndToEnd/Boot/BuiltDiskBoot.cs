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
        return await VirtualMachine.BootAsync(disk, format, entry, Limit);
    }

    /// <summary>The time to the shell prompt and the accelerator, in the test's output and the run's durations log.</summary>
    public static async Task RecordLoginTimeAsync(ITestOutputHelper output, EndToEndBuild build, VirtualMachine vm, string format)
    {
        var timing = $"{build.GetType().Name} boot {format}: login after {vm.LoginTime.TotalSeconds:F0} s under {vm.Accelerator}";
        output.WriteLine(timing);
        await File.AppendAllTextAsync(Path.Join(Path.GetTempPath(), "bib-e2e-durations.log"), timing + "\n");
    }
}
