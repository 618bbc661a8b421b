using System.Text.Json.Nodes;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>
/// One GPT partition as <c>sfdisk --json</c> reports it (sizes in 512-byte sectors), with the read-only loop device
/// that holds exactly its bytes.
/// </summary>
internal sealed record DiskPartition(int Number, string Node, long StartSectors, long SizeSectors, string Type)
{
    public long SizeBytes => SizeSectors * 512;
}

/// <summary>
/// A raw disk image whose partitions are each attached read-only to a loop device of their own (offset and size
/// limit, as osbuild attaches them), so they can be probed and mounted. No kernel partition table is involved: the
/// partitions a loop device keeps after another user's busy detach once made <c>partx -a</c> fail on a reused loop.
/// Disposing unmounts and detaches, also when an assertion failed in between.
/// </summary>
internal sealed class AttachedDisk : IAsyncDisposable
{
    private static readonly ProcessRunner Runner = new();
    private readonly string _mountRoot;
    private readonly List<string> _mounts = [];

    private AttachedDisk(string mountRoot, IReadOnlyList<DiskPartition> partitions)
    {
        _mountRoot = mountRoot;
        Partitions = partitions;
    }

    public IReadOnlyList<DiskPartition> Partitions { get; }

    public static async Task<AttachedDisk> AttachAsync(string rawImage, string mountRoot)
    {
        var table = JsonNode.Parse(await TestImages.RunCheckedAsync("sfdisk", "--json", rawImage))!["partitiontable"]!;
        var partitions = new List<DiskPartition>();
        try
        {
            foreach (var (entry, index) in table["partitions"]!.AsArray().Select((p, i) => (p!, i)))
            {
                var start = (long)entry["start"]!;
                var size = (long)entry["size"]!;
                var node = (await TestImages.RunCheckedAsync(
                    "losetup", "--find", "--show", "--read-only",
                    "--offset", (start * 512).ToString(), "--sizelimit", (size * 512).ToString(), rawImage)).Trim();
                partitions.Add(new DiskPartition(index + 1, node, start, size, (string)entry["type"]!));
            }

            return new AttachedDisk(mountRoot, partitions);
        }
        catch
        {
            await DetachAsync(partitions);
            throw;
        }
    }

    /// <summary>The filesystem type <c>blkid</c> sees on partition <paramref name="number"/>; empty when it sees none.</summary>
    public Task<string> FilesystemTypeAsync(int number) => ProbeAsync(number, "TYPE");

    /// <summary>The filesystem label <c>blkid</c> sees on partition <paramref name="number"/>; empty when it sees none.</summary>
    public Task<string> FilesystemLabelAsync(int number) => ProbeAsync(number, "LABEL");

    private async Task<string> ProbeAsync(int number, string tag)
    {
        var probe = await Runner.RunAsync("blkid", ["-o", "value", "-s", tag, Partition(number).Node], CancellationToken.None);
        // Exit status 2: nothing identified (a PReP boot partition holds no filesystem).
        return probe.ExitCode switch
        {
            0 => probe.Stdout.Trim(),
            2 => "",
            _ => throw new InvalidOperationException($"blkid {Partition(number).Node}: {probe.ExitStatus}\n{probe.Stderr}"),
        };
    }

    /// <summary>Mounts partition <paramref name="number"/> read-only and returns where.</summary>
    public async Task<string> MountAsync(int number)
    {
        var node = Partition(number).Node;
        var target = Path.Join(_mountRoot, $"{Path.GetFileName(node)}-p{number}");
        Directory.CreateDirectory(target);
        var type = await FilesystemTypeAsync(number);
        // A read-only xfs with a dirty log needs norecovery; the others mount read-only as they are.
        var options = type == "xfs" ? "ro,norecovery" : "ro";
        await TestImages.RunCheckedAsync("mount", "-t", type, "-o", options, node, target);
        _mounts.Add(target);
        return target;
    }

    private DiskPartition Partition(int number) => Partitions.Single(p => p.Number == number);

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in Enumerable.Reverse(_mounts))
        {
            await Runner.RunAsync("umount", ["-R", mount], CancellationToken.None);
        }

        await DetachAsync(Partitions);
    }

    private static async Task DetachAsync(IEnumerable<DiskPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            await Runner.RunAsync("losetup", ["-d", partition.Node], CancellationToken.None);
        }
    }
}
