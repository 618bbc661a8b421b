using System.Text.Json.Nodes;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>One GPT partition as <c>sfdisk --json</c> reports it (sizes in 512-byte sectors).</summary>
internal sealed record DiskPartition(int Number, string Node, long StartSectors, long SizeSectors, string Type)
{
    public long SizeBytes => SizeSectors * 512;
}

/// <summary>
/// A raw disk image attached read-only to a loop device with its partition nodes (<c>partx -a</c>: this kernel does
/// not scan partition tables), whose partitions can be mounted. Disposing unmounts, removes the nodes and detaches,
/// also when an assertion failed in between.
/// </summary>
internal sealed class AttachedDisk : IAsyncDisposable
{
    private static readonly ProcessRunner Runner = new();
    private readonly string _mountRoot;
    private readonly List<string> _mounts = [];

    private AttachedDisk(string loop, string mountRoot, IReadOnlyList<DiskPartition> partitions)
    {
        Loop = loop;
        _mountRoot = mountRoot;
        Partitions = partitions;
    }

    public string Loop { get; }

    public IReadOnlyList<DiskPartition> Partitions { get; }

    public static async Task<AttachedDisk> AttachAsync(string rawImage, string mountRoot)
    {
        var loop = (await TestImages.RunCheckedAsync("losetup", "--find", "--show", "--read-only", rawImage)).Trim();
        try
        {
            await TestImages.RunCheckedAsync("partx", "-a", loop);
            var table = JsonNode.Parse(await TestImages.RunCheckedAsync("sfdisk", "--json", loop))!["partitiontable"]!;
            var partitions = table["partitions"]!.AsArray().Select((p, i) => new DiskPartition(
                i + 1, (string)p!["node"]!, (long)p["start"]!, (long)p["size"]!, (string)p["type"]!)).ToList();
            return new AttachedDisk(loop, mountRoot, partitions);
        }
        catch
        {
            await DetachAsync(loop);
            throw;
        }
    }

    /// <summary>The filesystem type <c>blkid</c> sees on partition <paramref name="number"/>.</summary>
    public Task<string> FilesystemTypeAsync(int number) => ProbeAsync(number, "TYPE");

    /// <summary>The filesystem label <c>blkid</c> sees on partition <paramref name="number"/>.</summary>
    public Task<string> FilesystemLabelAsync(int number) => ProbeAsync(number, "LABEL");

    private async Task<string> ProbeAsync(int number, string tag) =>
        (await TestImages.RunCheckedAsync("blkid", "-o", "value", "-s", tag, $"{Loop}p{number}")).Trim();

    /// <summary>Mounts partition <paramref name="number"/> read-only and returns where.</summary>
    public async Task<string> MountAsync(int number)
    {
        var target = Path.Join(_mountRoot, $"{Path.GetFileName(Loop)}p{number}");
        Directory.CreateDirectory(target);
        var type = await FilesystemTypeAsync(number);
        // A read-only xfs with a dirty log needs norecovery; the others mount read-only as they are.
        var options = type == "xfs" ? "ro,norecovery" : "ro";
        await TestImages.RunCheckedAsync("mount", "-t", type, "-o", options, $"{Loop}p{number}", target);
        _mounts.Add(target);
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in Enumerable.Reverse(_mounts))
        {
            await Runner.RunAsync("umount", ["-R", mount], CancellationToken.None);
        }

        await DetachAsync(Loop);
    }

    private static async Task DetachAsync(string loop)
    {
        await Runner.RunAsync("partx", ["-d", loop], CancellationToken.None);
        await Runner.RunAsync("losetup", ["-d", loop], CancellationToken.None);
    }
}
