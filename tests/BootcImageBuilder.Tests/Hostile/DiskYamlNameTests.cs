using BootcImageBuilder.Disk;

namespace BootcImageBuilder.Tests.Hostile;

/// <summary>An image's disk.yaml names volumes that osbuild opens on the build host: they follow the user's rules.</summary>
public class DiskYamlNameTests
{
    private const string LvmRule = " name: it must be 1 to 127 of the characters A-Z a-z 0-9 + _ . - and not start with '-' or be '.' or '..'";
    private const string Subvolume = "invalid btrfs subvolume name: it must be path segments of the characters A-Z a-z 0-9 _ . @ + - joined by '/', without '.' or '..' segments, at most 255 characters";

    [Theory]
    [InlineData("../../dev/sda", "root")]
    [InlineData("vg/x", "root")]
    [InlineData("-vg", "root")]
    public void A_volume_group_name_that_is_no_device_name_is_refused(string vg, string lv)
    {
        Assert.Equal("invalid LVM volume group" + LvmRule, Refusal(LvmTable(vg, lv)));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("lv/x")]
    [InlineData("lv x")]
    public void A_logical_volume_name_that_is_no_device_name_is_refused(string lv)
    {
        Assert.Equal("invalid LVM logical volume" + LvmRule, Refusal(LvmTable("vg0", lv)));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("root,subvolid=5")]
    [InlineData("a b")]
    public void A_subvolume_name_that_leaves_its_volume_or_its_mount_option_is_refused(string name)
    {
        var yaml = $"""
            partition_table:
              type: gpt
              partitions:
                - size: 10 GiB
                  payload_type: btrfs
                  payload:
                    subvolumes:
                      - name: "{name}"
                        mountpoint: /
            """;

        Assert.Equal(Subvolume, Refusal(yaml));
    }

    private static string LvmTable(string vg, string lv) => $"""
        partition_table:
          type: gpt
          partitions:
            - size: 10 GiB
              payload_type: lvm
              payload:
                name: "{vg}"
                logical_volumes:
                  - name: "{lv}"
                    size: 5 GiB
                    payload_type: filesystem
                    payload:
                      type: xfs
                      mountpoint: /
        """;

    private static string Refusal(string yaml)
    {
        const string Prefix = "cannot parse disk definitions from \"/usr/lib/bootc-image-builder/disk.yaml\": ";
        var message = Assert.Throws<BibException>(() => DiskYaml.Parse(yaml, "/usr/lib/bootc-image-builder/disk.yaml")).Message;
        Assert.StartsWith(Prefix, message, StringComparison.Ordinal);
        return message[Prefix.Length..];
    }
}
