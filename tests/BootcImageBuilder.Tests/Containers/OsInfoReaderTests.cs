using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Tests.Containers;

public sealed class OsInfoReaderTests : IDisposable
{
    private const string MinimalOsRelease = "ID=centos\nVERSION_ID=9\nNAME=CentOS\n";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Etc_os_release_wins_over_usr_lib_os_release()
    {
        _tree.File("etc/os-release", "ID=etc\nVERSION_ID=1\nNAME=Etc\n").File("usr/lib/os-release", MinimalOsRelease);

        Assert.Equal(new OsRelease("etc", "1", "Etc"), OsInfoReader.Load(_tree.Root).OsRelease);
    }

    [Fact]
    public void A_tree_without_os_release_names_both_places_it_looked()
    {
        var error = Assert.Throws<BibException>(() => OsInfoReader.Load(_tree.Root));

        Assert.Equal(
            "failed to read os-release:\n" +
            $"cannot read etc/os-release: open {_tree.Root}/etc/os-release: no such file or directory\n" +
            $"cannot read usr/lib/os-release: open {_tree.Root}/usr/lib/os-release: no such file or directory",
            error.Message);
    }

    [Fact]
    public void A_tree_with_only_os_release_has_no_optional_parts()
    {
        _tree.File("usr/lib/os-release", MinimalOsRelease);

        var info = OsInfoReader.Load(_tree.Root);

        Assert.Equal(new OsInfo { OsRelease = info.OsRelease, InitrdModules = info.InitrdModules }, info);
        Assert.Empty(info.InitrdModules);
    }

    [Fact]
    public void The_uefi_vendor_is_the_first_bootupd_directory_other_than_boot()
    {
        _tree.Dir("usr/lib/bootupd/updates/EFI/BOOT").Dir("usr/lib/bootupd/updates/EFI/redhat").Dir("usr/lib/bootupd/updates/EFI/zz")
            .File("usr/lib/bootupd/updates/EFI/a-file", "").Dir("usr/lib/efi/shim/15.8/EFI/fedora");

        Assert.Equal("redhat", OsInfoReader.FindUefiVendor(_tree.Root));
    }

    [Fact]
    public void The_uefi_vendor_falls_back_to_the_shim_directories()
    {
        _tree.Dir("usr/lib/bootupd/updates/EFI/BOOT").Dir("usr/lib/efi/shim/15.8-3/EFI/BOOT").Dir("usr/lib/efi/shim/15.8-3/EFI/fedora");

        Assert.Equal("fedora", OsInfoReader.FindUefiVendor(_tree.Root));
    }

    [Fact]
    public void The_selinux_policy_is_selinuxtype()
    {
        _tree.File("etc/selinux/config", "# comment\nSELINUX=enforcing\n  SELINUXTYPE = mls \n");

        Assert.Equal("mls", OsInfoReader.ReadSelinuxPolicy(_tree.Root));
    }

    [Fact]
    public void A_malformed_selinux_config_means_no_policy()
    {
        _tree.File("etc/selinux/config", "SELINUXTYPE=targeted\nnonsense\n");

        Assert.Null(OsInfoReader.ReadSelinuxPolicy(_tree.Root));
    }

    [Fact]
    public void The_kernel_is_the_first_modules_directory_holding_a_vmlinuz()
    {
        _tree.Dir("usr/lib/modules/5.0-empty").File("usr/lib/modules/6.1/vmlinuz", "").File("usr/lib/modules/6.1/aboot.img", "")
            .File("usr/lib/modules/6.2/vmlinuz", "");

        Assert.Equal(new KernelInfo("6.1", HasAbootImg: true), OsInfoReader.FindKernel(_tree.Root));
    }

    [Fact]
    public void Config_json_wins_over_config_toml_and_only_the_old_folder_is_searched()
    {
        _tree.File("usr/lib/os-release", MinimalOsRelease)
            .File("usr/lib/image-builder/bootc/config.toml", "new folder")
            .File("usr/lib/bootc-image-builder/config.toml", "toml")
            .File("usr/lib/bootc-image-builder/config.json", "{}");

        Assert.Equal(new EmbeddedFile("/usr/lib/bootc-image-builder/config.json", "{}"), OsInfoReader.Load(_tree.Root).EmbeddedConfig);
    }

    [Fact]
    public void Disk_and_iso_yaml_are_found_in_the_old_folder_when_the_new_one_lacks_them()
    {
        _tree.File("usr/lib/os-release", MinimalOsRelease)
            .File("usr/lib/bootc-image-builder/disk.yaml", "disk")
            .File("usr/lib/image-builder/bootc/iso.yaml", "iso new")
            .File("usr/lib/bootc-image-builder/iso.yaml", "iso old");

        var info = OsInfoReader.Load(_tree.Root);

        Assert.Equal(new EmbeddedFile("/usr/lib/bootc-image-builder/disk.yaml", "disk"), info.DiskYaml);
        Assert.Equal(new EmbeddedFile("/usr/lib/image-builder/bootc/iso.yaml", "iso new"), info.IsoYaml);
    }
}
