using BootcImageBuilder.Disk;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Disk;

public class DiskYamlTests
{
    private const string Path = "/usr/lib/bootc-image-builder/disk.yaml";

    private const string AbootTable = """
        mount_configuration: none
        partition_table:
          type: gpt
          size: 12 GiB
          partitions:
            - size: 64 MiB
              type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
              label: aboot
              attrs: [60]
              payload_type: raw
              payload:
                source_path: /usr/lib/modules/6.12/aboot.img
            - size: 1 GiB
              type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
              payload_type: filesystem
              payload:
                type: ext4
                label: boot
                mountpoint: /boot
                fstab_options: ro
            - size: 2 GiB
              type: 0FC63DAF-8483-4772-8E79-3D69D8477DE4
              payload_type: filesystem
              payload:
                type: xfs
                label: root
                mountpoint: /
                fstab_options: ro
                fstab_passno: 1
        """;

    [Fact]
    public void Reads_mount_configuration_and_partition_table()
    {
        var document = DiskYaml.Parse(AbootTable, Path);

        Assert.Equal(MountConfiguration.None, document.MountConfiguration);
        var table = document.PartitionTable!;
        Assert.Equal((PartitionTableType.Gpt, 12 * DataSize.GiB), (table.Type, table.Size));
        Assert.Equal(
            new Partition { Size = 64 * DataSize.MiB, Type = PartitionTypes.LinuxDataGuid, Label = "aboot", Attrs = [60], Payload = new RawPayload("/usr/lib/modules/6.12/aboot.img") },
            table.Partitions[0]);
        Assert.Equal(new Filesystem(FilesystemType.Xfs, "/") { Label = "root", FstabOptions = "ro", FstabPassNo = 1 }, table.Partitions[2].Payload);
    }

    [Fact]
    public void Container_table_replaces_the_base_table_and_keeps_its_size()
    {
        var table = BootcPartitionTables.Generate(
            new BootcPartitioningRequest(Arch.Aarch64, FilesystemType.Xfs, DataSize.GiB) { BaseTable = DiskYaml.Parse(AbootTable, Path).PartitionTable },
            new SeededRandomSource(1));

        Assert.Equal(12 * DataSize.GiB, table.Size);
        Assert.Equal(
            [(2048UL, 131072UL, "aboot"), (133120UL, 2097152UL, null), (2230272UL, 22935519UL, null)],
            SfdiskPartitioning.From(table).Partitions.Select(p => (p.Start, p.Size, p.Name)));
    }

    [Fact]
    public void Reads_lvm_btrfs_and_swap_payloads()
    {
        var document = DiskYaml.Parse("""
            partition_table:
              type: dos
              sector_size: 4096
              partitions:
                - size: 10737418240
                  type: "8e"
                  payload_type: lvm
                  payload:
                    name: rootvg
                    logical_volumes:
                      - name: swaplv
                        size: 1 GiB
                        payload_type: swap
                        payload:
                          label: swap
                - size: 5 GiB
                  payload_type: btrfs
                  payload:
                    label: data
                    subvolumes:
                      - name: root
                        mountpoint: /
                        compress: zstd:1
                        read_only: true
            """, Path);

        var table = document.PartitionTable!;
        Assert.Null(document.MountConfiguration);
        Assert.Equal((PartitionTableType.Dos, 4096UL), (table.Type, table.BytesPerSector));
        var vg = Assert.IsType<LvmVolumeGroup>(table.Partitions[0].Payload);
        Assert.Equal(new LogicalVolume("swaplv", DataSize.GiB, new SwapArea { Label = "swap", FstabOptions = string.Empty }), vg.LogicalVolumes[0]);
        var btrfs = Assert.IsType<BtrfsVolume>(table.Partitions[1].Payload);
        Assert.Equal("subvol=root,compress=zstd:1,ro", btrfs.Subvolumes[0].FstabOptions);
    }

    [Fact]
    public void Empty_file_has_neither_part()
    {
        Assert.Equal(new DiskYamlDocument(null, null), DiskYaml.Parse(string.Empty, Path));
    }

    [Theory]
    [InlineData("mount_configuration: mounts", "unknown or unsupported filesystem type name: mounts")]
    [InlineData("partition_table:\n  kind: gpt", "unknown field \"kind\" in partition_table")]
    [InlineData("partition_table:\n  type: hybrid", "unknown or unsupported partition table type name: hybrid")]
    [InlineData("partition_table:\n  partitions:\n    - size: 1 GiB\n      payload_type: luks\n      payload: {}", "unknown or unsupported payload type \"luks\"")]
    [InlineData("partition_table:\n  partitions:\n    - size: 1 lots", "unknown data size units in string: 1 lots")]
    [InlineData("partition_table:\n  partitions:\n    - payload_type: filesystem\n      payload:\n        mountpoint: /", "filesystem \"/\" has no type")]
    public void Bad_disk_yaml_is_refused_naming_the_file(string yaml, string detail)
    {
        Assert.Equal(
            $"cannot parse disk definitions from \"{Path}\": {detail}",
            Assert.Throws<BibException>(() => DiskYaml.Parse(yaml, Path)).Message);
    }
}
