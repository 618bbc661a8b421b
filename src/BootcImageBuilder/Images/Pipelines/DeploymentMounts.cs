using System.Collections.Immutable;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// The devices and mounts of the stages that work on the installed disk: device <c>disk</c> (a partition-scanning
/// loop device over the whole image) plus one device per logical volume, and every filesystem mounted from them,
/// sorted by target so parents come before children.
/// </summary>
public sealed record DeploymentMounts(
    ImmutableSortedDictionary<string, Osbuild.Device> Devices,
    IReadOnlyList<Mount> Mounts)
{
    public const string DiskDevice = "disk";

    /// <summary>The mountpoints <c>bootc install to-filesystem</c> gets; custom ones are mounted only afterwards.</summary>
    private static readonly string[] InstallMountpoints = ["/", "/boot", "/boot/efi"];

    /// <summary>The devices and mounts of <paramref name="table"/>; fails as upstream when / (or /boot/efi with a UEFI vendor) is missing.</summary>
    public static DeploymentMounts For(PartitionTable table, string filename, string? uefiVendor)
    {
        ArgumentNullException.ThrowIfNull(table);
        var devices = new List<KeyValuePair<string, Osbuild.Device>>
        {
            KeyValuePair.Create(DiskDevice, Osbuild.Device.Loopback(new LoopbackDeviceOptions(filename, Partscan: true))),
        };
        var mounts = new List<Mount>();
        for (var index = 0; index < table.Partitions.Count; index++)
        {
            var partitionNumber = index + 1;
            switch (table.Partitions[index].Payload)
            {
                case Filesystem { Mountpoint: { Length: > 0 } } fs:
                    mounts.Add(MountOf(fs, DiskDevice, partitionNumber));
                    break;
                case BtrfsVolume btrfs:
                    mounts.AddRange(btrfs.Subvolumes
                        .Where(sv => !string.IsNullOrEmpty(sv.Mountpoint))
                        .Select(sv => Mount.Btrfs(
                            SystemdPath.Escape(sv.Mountpoint), DiskDevice, sv.Mountpoint!, new BtrfsMountOptions(sv.Name, sv.Compress), partitionNumber)));
                    break;
                case LvmVolumeGroup vg:
                    foreach (var lv in vg.LogicalVolumes)
                    {
                        devices.Add(KeyValuePair.Create(lv.Name, Osbuild.Device.Lvm2Lv(DiskDevice, new Lvm2LvDeviceOptions(lv.Name, partitionNumber))));
                        if (lv.Payload is Filesystem { Mountpoint: { Length: > 0 } } lvFs)
                        {
                            mounts.Add(MountOf(lvFs, lv.Name, null));
                        }
                    }

                    break;
            }
        }

        mounts.Sort((a, b) => string.CompareOrdinal(a.Target, b.Target));
        RequireMounts(mounts, uefiVendor);
        return new DeploymentMounts(OsbuildMap.From(devices), mounts);
    }

    /// <summary>Only /, /boot and /boot/efi: what the install stage mounts.</summary>
    public IReadOnlyList<Mount> InstallMounts => [.. Mounts.Where(m => InstallMountpoints.Contains(m.Target))];

    /// <summary>These mounts plus the booted deployment bound onto <c>tree://</c>, for stages that customize the OS.</summary>
    public IReadOnlyList<Mount> DeploymentTreeMounts =>
        [.. WithDeployment, DeploymentBind];

    /// <summary>These mounts plus the booted deployment (<c>mount://-/</c> then addresses the deployed OS); no tree binding.</summary>
    public IReadOnlyList<Mount> WithDeployment => [.. Mounts, Mount.OstreeDefaultDeployment()];

    /// <summary>
    /// These mounts with the physical root (the filesystem itself, not the deployment in it) bound onto <c>tree://</c>,
    /// for stages that must write next to <c>/ostree</c>.
    /// </summary>
    public IReadOnlyList<Mount> PhysicalRootTreeMounts => [.. Mounts, DeploymentBind];

    private static Mount DeploymentBind => Mount.Bind("bind-ostree-deployment-to-tree", "mount://", "tree://");

    private static Mount MountOf(Filesystem fs, string source, int? partition) => fs.Type switch
    {
        FilesystemType.Xfs => Mount.Xfs(SystemdPath.Escape(fs.Mountpoint), source, fs.Mountpoint!, partition),
        FilesystemType.Ext4 => Mount.Ext4(SystemdPath.Escape(fs.Mountpoint), source, fs.Mountpoint!, partition),
        FilesystemType.Vfat => Mount.Fat(SystemdPath.Escape(fs.Mountpoint), source, fs.Mountpoint!, partition),
        _ => throw new BibException($"mounting bare btrfs partition is unsupported: {fs.Mountpoint}"),
    };

    private static void RequireMounts(List<Mount> mounts, string? uefiVendor)
    {
        var required = new List<string> { "/" };
        if (!string.IsNullOrEmpty(uefiVendor))
        {
            required.Add("/boot/efi");
        }

        var missing = required.Where(r => !mounts.Any(m => m.Target == r)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new BibException($"required mounts for bootupd stage [{string.Join(' ', missing)}] missing");
        }
    }
}
