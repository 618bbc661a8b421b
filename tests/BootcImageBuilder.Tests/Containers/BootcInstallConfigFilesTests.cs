using System.Diagnostics;
using BootcImageBuilder.Containers;

namespace BootcImageBuilder.Tests.Containers;

/// <summary>The root filesystem type from <c>bootc/install/*.toml</c>, merged as bootc merges them, or "ask bootc".</summary>
public sealed class BootcInstallConfigFilesTests : IDisposable
{
    private const string Dir = "usr/lib/bootc/install";
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private InstallConfigAnswer Read(Arch? arch = null) => BootcInstallConfigFiles.Read(_tree.Root, arch ?? Arch.X86_64);

    private static string RootType(string type) => $"[install.filesystem.root]\ntype = \"{type}\"\n";

    [Fact]
    public void The_canonical_filesystem_root_type_is_the_answer()
    {
        _tree.File($"{Dir}/00-base.toml", "[install]\nkargs = [\"console=ttyS0\"]\n\n[install.filesystem.root]\ntype = \"xfs\"\n");

        Assert.Equal(InstallConfigAnswer.Known("xfs"), Read());
    }

    [Fact]
    public void The_older_root_fs_type_key_answers_when_alone()
    {
        _tree.File($"{Dir}/00-base.toml", "[install]\nroot-fs-type = \"ext4\"\n");

        Assert.Equal(InstallConfigAnswer.Known("ext4"), Read());
    }

    [Fact]
    public void Files_merge_in_name_order_the_last_value_winning()
    {
        _tree.File($"{Dir}/10-derived.toml", RootType("btrfs"))
            .File($"{Dir}/00-base.toml", RootType("xfs"))
            .File($"{Dir}/05-middle.toml", "[install]\nkargs = [\"quiet\"]\n");

        Assert.Equal(InstallConfigAnswer.Known("btrfs"), Read());
    }

    [Fact]
    public void Filesystem_root_type_wins_over_root_fs_type_whatever_the_file_order()
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs"))
            .File($"{Dir}/10-legacy.toml", "[install]\nroot-fs-type = \"ext4\"\n");

        Assert.Equal(InstallConfigAnswer.Known("xfs"), Read());
    }

    [Fact]
    public void A_file_in_etc_replaces_the_file_of_the_same_name_in_usr_lib()
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs"))
            .File("etc/bootc/install/00-base.toml", "[install]\nkargs = []\n")
            .File("usr/local/lib/bootc/install/20-local.toml", "[install]\n");

        Assert.Equal(InstallConfigAnswer.Known(null), Read());
    }

    [Theory]
    [InlineData("x86_64", "ext4")]
    [InlineData("ppc64le", "btrfs")]
    [InlineData("s390x", "xfs")]
    public void A_file_applies_only_to_the_architectures_it_matches_in_bootcs_names(string arch, string expected)
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs"))
            .File($"{Dir}/10-x86.toml", "[install]\nmatch-architectures = [\"x86_64\"]\n[install.filesystem.root]\ntype = \"ext4\"\n")
            .File($"{Dir}/20-power.toml", "[install]\nmatch-architectures = [\"powerpc64\", \"aarch64\"]\n[install.filesystem.root]\ntype = \"btrfs\"\n");

        Assert.Equal(InstallConfigAnswer.Known(expected), Read(Arch.Parse(arch)));
    }

    [Fact]
    public void Dotfiles_and_other_extensions_are_not_configuration()
    {
        _tree.File($"{Dir}/00-base.toml", "[install]\nkargs = []\n")
            .File($"{Dir}/.99-hidden.toml", RootType("btrfs"))
            .File($"{Dir}/99-notes.toml.rpmnew", RootType("btrfs"))
            .File($"{Dir}/README", "not toml");

        Assert.Equal(InstallConfigAnswer.Known(null), Read());
    }

    [Fact]
    public void A_file_without_an_install_table_sets_nothing()
    {
        _tree.File($"{Dir}/00-empty.toml", "# nothing here\n");

        Assert.Equal(InstallConfigAnswer.Known(null), Read());
    }

    [Theory]
    [InlineData("[install]\nroot-fs-type = \"vfat\"\n", "install.root-fs-type is not one of ext4, xfs, btrfs")]
    [InlineData("[install.filesystem.root]\ntype = 4\n", "install.filesystem.root.type is not one of ext4, xfs, btrfs")]
    [InlineData("[install]\nfuture-key = true\n", "unknown key install.future-key")]
    [InlineData("[install.filesystem.boot]\ntype = \"ext4\"\n", "unknown key install.filesystem.boot")]
    [InlineData("[install.filesystem.root]\ntype = \"xfs\"\nsize = 5\n", "unknown key install.filesystem.root.size")]
    [InlineData("[other]\nx = 1\n", "unknown key other")]
    [InlineData("[install]\nkargs = \"quiet\"\n", "install.kargs is not an array of strings")]
    [InlineData("[install]\nmatch-architectures = [1]\n", "install.match-architectures is not an array of strings")]
    [InlineData("[install\n", "invalid TOML")]
    [InlineData("[install]\nroot-fs-type = \"xfs\"\nroot-fs-type = \"ext4\"\n", "invalid TOML")]
    public void What_bootc_would_judge_itself_is_left_to_bootc(string toml, string reason)
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs")).File($"{Dir}/50-odd.toml", toml);

        var answer = Read();

        Assert.False(answer.IsKnown);
        Assert.StartsWith($"/{Dir}/50-odd.toml: ", answer.UnknownReason, StringComparison.Ordinal);
        Assert.Contains(reason, answer.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_configuration_files_leave_the_answer_to_bootc()
    {
        _tree.Dir(Dir);

        Assert.Equal(InstallConfigAnswer.Unknown("no bootc/install configuration files"), Read());
    }

    [Fact]
    public void An_unknown_architecture_leaves_the_answer_to_bootc()
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs"));

        Assert.False(BootcInstallConfigFiles.Read(_tree.Root, arch: null).IsKnown);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_link_out_of_the_image_is_resolved_inside_it_and_never_reads_the_host(bool absolute)
    {
        using var host = new TempTree();
        host.File("bait.toml", RootType("btrfs"));
        var target = absolute ? host.PathOf("bait.toml") : string.Concat(Enumerable.Repeat("../", 12)) + host.PathOf("bait.toml").TrimStart('/');
        _tree.File($"{Dir}/00-base.toml", RootType("xfs")).Link($"{Dir}/10-link.toml", target);

        var answer = Read();

        Assert.False(answer.IsKnown);
        Assert.Equal($"/{Dir}/10-link.toml: links to nothing", answer.UnknownReason);
    }

    [Fact]
    public void A_link_inside_the_image_is_followed()
    {
        _tree.File("usr/share/bootc/rootfs.toml", RootType("btrfs")).Link($"{Dir}/10-link.toml", "/usr/share/bootc/rootfs.toml");

        Assert.Equal(InstallConfigAnswer.Known("btrfs"), Read());
    }

    [Fact]
    public void A_fifo_is_not_opened_and_leaves_the_answer_to_bootc()
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs")).Dir(Dir);
        using (var mkfifo = Process.Start("mkfifo", _tree.PathOf($"{Dir}/10-fifo.toml")))
        {
            mkfifo.WaitForExit();
        }

        var answer = Read();

        Assert.False(answer.IsKnown);
        Assert.StartsWith($"/{Dir}/10-fifo.toml: ", answer.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_file_leaves_the_answer_to_bootc()
    {
        _tree.File($"{Dir}/00-base.toml", RootType("xfs") + new string('#', OsInfoReader.MaxSmallFileBytes) + "\n");

        Assert.False(Read().IsKnown);
    }
}
