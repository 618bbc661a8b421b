using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Tests.Containers;
using Serilog.Events;

namespace BootcImageBuilder.Tests.Distro;

/// <summary>The lookup table of upstream's distrodef (its tests and documented examples), in temporary directories.</summary>
public sealed class DistroDefinitionLookupTests : IDisposable
{
    private const string AnacondaDef = "anaconda-iso:\n  packages:\n    - anaconda\n    - curl\n";

    private readonly TempTree _tree = new();
    private readonly CollectingSink _log = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void The_exact_file_gives_the_image_types_packages()
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef);

        var definition = Lookup("defs").Load("fedoratest", "41").ImageType("anaconda-iso");

        Assert.Equal("anaconda-iso", definition.ImageType);
        Assert.Equal(["anaconda", "curl"], definition.Packages);
    }

    [Fact]
    public void A_newer_version_falls_back_to_the_highest_older_file()
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("defs/fedoratest-41.yaml"), Lookup("defs").FindFile("fedoratest", "99"));
    }

    [Fact]
    public void An_unknown_distro_is_not_found()
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef);

        AssertFails("could not find def file for distro lizard-42", () => Lookup("defs").Load("lizard", "42"));
    }

    [Fact]
    public void An_older_version_than_every_file_is_not_found()
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef);

        AssertFails("could not find def file for distro fedoratest-0", () => Lookup("defs").Load("fedoratest", "0"));
    }

    [Fact]
    public void A_missing_image_type_lists_the_file_types_in_file_order()
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef + "bootc-installer:\n  packages: [a]\n");

        AssertFails(
            "could not find def for distro fedoratest and image type anaconda-disk, available types: anaconda-iso, bootc-installer",
            () => Lookup("defs").Load("fedoratest", "41").ImageType("anaconda-disk"));
    }

    [Theory]
    [InlineData("xxx", "cannot parse wanted version string: Malformed version: xxx")]
    [InlineData("", "cannot parse wanted version string: Malformed version: ")]
    public void A_wanted_version_that_does_not_parse_fails_first(string version, string message)
    {
        _tree.File("defs/fedoratest-41.yaml", AnacondaDef);

        AssertFails(message, () => Lookup("defs").Load("fedoratest", version));
    }

    [Fact]
    public void The_first_directory_with_the_exact_file_wins()
    {
        _tree.File("a/fedora-39.yaml", AnacondaDef).File("b/fedora-41.yaml", AnacondaDef).File("c/fedora-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/fedora-41.yaml"), Lookup("a", "b", "c").FindFile("fedora", "41"));
    }

    [Fact]
    public void An_exact_file_in_a_later_directory_beats_a_fuzzy_match_in_an_earlier_one()
    {
        _tree.File("a/fedora-40.yaml", AnacondaDef).File("b/fedora-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/fedora-41.yaml"), Lookup("a", "b").FindFile("fedora", "41"));
    }

    [Fact]
    public void Missing_directories_are_ignored()
    {
        _tree.File("a/fedora-41.yaml", AnacondaDef);

        var lookup = new DistroDefinitionLookup(["/no/such/path", _tree.PathOf("a")]);

        Assert.Equal(_tree.PathOf("a/fedora-41.yaml"), lookup.FindFile("fedora", "41"));
    }

    [Fact]
    public void The_fuzzy_match_looks_at_every_directory()
    {
        _tree.File("a/fedora-39.yaml", AnacondaDef)
            .File("b/fedora-41.yaml", AnacondaDef)
            .File("b/b/fedora-42.yaml", AnacondaDef)
            .File("c/fedora-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/b/fedora-42.yaml"), Lookup("a", "b", "b/b", "c").FindFile("fedora", "99"));
    }

    [Fact]
    public void Minor_versions_compare_as_numbers()
    {
        _tree.File("a/centos-8.9.yaml", AnacondaDef)
            .File("b/centos-7.yaml", AnacondaDef)
            .File("c/centos-9.1.yaml", AnacondaDef)
            .File("d/centos-9.1.1.yaml", AnacondaDef)
            .File("b/b/centos-9.10.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/b/centos-9.10.yaml"), Lookup("a", "b", "c", "d", "b/b").FindFile("centos", "9.11"));
    }

    [Fact]
    public void A_zero_minor_version_matches_the_major_file()
    {
        _tree.File("a/centos-9.yaml", AnacondaDef).File("a/centos-10.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/centos-10.yaml"), Lookup("a").FindFile("centos", "10.0"));
    }

    [Fact]
    public void Only_newer_files_is_not_a_match()
    {
        _tree.File("a/fedora-40.yaml", AnacondaDef);

        AssertFails("could not find def file for distro fedora-30", () => Lookup("a").FindFile("fedora", "30"));
    }

    [Fact]
    public void Files_whose_version_does_not_start_with_a_digit_are_ignored()
    {
        _tree.File("a/fedora-NaN.yaml", AnacondaDef);

        AssertFails("could not find def file for distro fedora-40", () => Lookup("a").FindFile("fedora", "40"));
    }

    [Fact]
    public void Files_without_a_version_are_ignored()
    {
        _tree.File("a/fedora-.yaml", AnacondaDef).File("b/fedora-1.yaml", AnacondaDef).File("c/fedora.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/fedora-1.yaml"), Lookup("a", "b", "c").FindFile("fedora", "2"));
    }

    [Fact]
    public void Equal_versions_keep_the_first_file_seen()
    {
        _tree.File("a/centos-10.0.yaml", AnacondaDef).File("a/centos-10.yaml", AnacondaDef).File("b/centos-10.0.0.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/centos-10.0.yaml"), Lookup("a", "b").FindFile("centos", "10.1"));
    }

    [Fact]
    public void A_file_that_looks_versioned_but_does_not_parse_fails_the_fuzzy_lookup()
    {
        _tree.File("a/fedora-40_1.yaml", AnacondaDef);

        AssertFails(
            $"cannot parse distro version from \"{_tree.PathOf("a/fedora-40_1.yaml")}\": Malformed version: 40_1",
            () => Lookup("a").FindFile("fedora", "40"));
    }

    [Fact]
    public void Pre_release_files_sort_below_their_release()
    {
        _tree.File("a/fedora-42-beta.yaml", AnacondaDef).File("a/fedora-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/fedora-41.yaml"), Lookup("a").FindFile("fedora", "42-alpha"));
        Assert.Equal(_tree.PathOf("a/fedora-42-beta.yaml"), Lookup("a").FindFile("fedora", "42.0.1"));
    }

    [Fact]
    public void An_id_with_a_dash_is_found_exactly()
    {
        _tree.File("a/centos-10.yaml", AnacondaDef).Link("a/aurora-helium-10.yaml", "centos-10.yaml");

        Assert.Equal(_tree.PathOf("a/aurora-helium-10.yaml"), Lookup("a").FindFile("aurora-helium", "10"));
    }

    [Fact]
    public void An_id_with_a_dash_is_found_fuzzily_where_upstream_fails_to_parse_helium_10()
    {
        _tree.File("a/centos-10.yaml", AnacondaDef).Link("a/aurora-helium-10.yaml", "centos-10.yaml");

        Assert.Equal(_tree.PathOf("a/aurora-helium-10.yaml"), Lookup("a").FindFile("aurora-helium", "10.1"));
    }

    [Fact]
    public void Files_of_a_longer_id_sharing_the_prefix_are_not_versions_of_the_shorter_one()
    {
        _tree.File("a/aurora-helium-10.yaml", AnacondaDef).File("a/aurora-40.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/aurora-40.yaml"), Lookup("a").FindFile("aurora", "41"));
    }

    [Fact]
    public void A_broken_link_as_the_exact_match_is_skipped_with_one_warning()
    {
        // Upstream's stillos-10.yaml: a link relative to the repository root instead of its own directory.
        _tree.File("a/centos-10.yaml", AnacondaDef).Link("a/stillos-10.yaml", "bib/data/defs/centos-10.yaml");

        AssertFails("could not find def file for distro stillos-10", () => Lookup("a").Load("stillos", "10"));
        var warning = Assert.Single(_log.Events);
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.Equal(
            $"skipping def file \"{_tree.PathOf("a/stillos-10.yaml")}\": it is a symbolic link to \"bib/data/defs/centos-10.yaml\", which does not exist",
            warning.Message);
    }

    [Fact]
    public void A_broken_link_in_an_earlier_directory_leaves_the_exact_file_of_a_later_one()
    {
        _tree.Link("a/fedora-41.yaml", "nowhere.yaml").File("b/fedora-41.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("b/fedora-41.yaml"), Lookup("a", "b").FindFile("fedora", "41"));
        Assert.Single(_log.Events);
    }

    [Fact]
    public void A_broken_link_as_the_best_fuzzy_match_leaves_the_next_best()
    {
        _tree.File("a/fedora-40.yaml", AnacondaDef).Link("a/fedora-42.yaml", "nowhere.yaml");

        Assert.Equal(_tree.PathOf("a/fedora-40.yaml"), Lookup("a").FindFile("fedora", "43"));
        Assert.Single(_log.Events);
    }

    [Fact]
    public void A_broken_link_falls_through_to_id_like()
    {
        _tree.File("a/centos-10.yaml", AnacondaDef).Link("a/stillos-10.yaml", "bib/data/defs/centos-10.yaml");

        var definition = Lookup("a").Load("stillos", "10", ["rhel", "centos"]);

        Assert.Equal(_tree.PathOf("a/centos-10.yaml"), definition.Path);
        Assert.Equal("stillos", definition.Distro);
    }

    [Fact]
    public void Id_like_entries_are_tried_in_order_after_the_id()
    {
        _tree.File("a/rhel-9.yaml", AnacondaDef).File("a/centos-9.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/rhel-9.yaml"), Lookup("a").FindFile("myos", "9.4", ["", "fedora", "rhel", "centos"]));
    }

    [Fact]
    public void A_fuzzy_match_of_the_id_beats_an_exact_match_of_id_like()
    {
        _tree.File("a/myos-9.yaml", AnacondaDef).File("a/rhel-9.4.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("a/myos-9.yaml"), Lookup("a").FindFile("myos", "9.4", ["rhel"]));
    }

    [Fact]
    public void Without_a_match_for_id_like_either_the_error_names_the_id()
    {
        _tree.File("a/fedora-40.yaml", AnacondaDef);

        AssertFails("could not find def file for distro myos-9", () => Lookup("a").FindFile("myos", "9", ["rhel", "centos"]));
    }

    [Fact]
    public void The_os_release_fields_drive_the_lookup()
    {
        _tree.File("a/centos-9.yaml", AnacondaDef);
        var osRelease = new OsRelease("almalinux", "9.5", "AlmaLinux", IdLike: ["rhel", "centos", "fedora"]);

        var definition = Lookup("a").FindImageDefinition(osRelease, "anaconda-iso");

        Assert.Equal(["anaconda", "curl"], definition.Packages);
    }

    [Fact]
    public void A_def_path_that_cannot_be_read_is_reported_with_the_distro()
    {
        _tree.Dir("a/fedora-40.yaml");
        var path = _tree.PathOf("a/fedora-40.yaml");

        AssertFails(
            $"could not read def file {path} for distro fedora-40: read {path}: is a directory",
            () => Lookup("a").Load("fedora", "40"));
    }

    [Fact]
    public void A_file_that_is_not_a_map_of_image_types_cannot_be_unmarshalled()
    {
        _tree.File("a/fedora-40.yaml", "- anaconda\n- curl\n");

        var error = Assert.Throws<BibException>(() => Lookup("a").Load("fedora", "40"));

        Assert.StartsWith("could not unmarshal def file for distro fedora: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_has_no_image_types()
    {
        _tree.File("a/fedora-40.yaml", "");

        AssertFails(
            "could not find def for distro fedora and image type anaconda-iso, available types: ",
            () => Lookup("a").Load("fedora", "40").ImageType("anaconda-iso"));
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_an_empty_entry_has_no_packages()
    {
        _tree.File("a/fedora-40.yaml", "anaconda-iso:\n  packages: [anaconda]\n  exclude: [x]\nbootc-installer:\n");

        var definition = Lookup("a").Load("fedora", "40");

        Assert.Equal(["anaconda"], definition.ImageType("anaconda-iso").Packages);
        Assert.Empty(definition.ImageType("bootc-installer").Packages);
        Assert.Equal(["anaconda-iso", "bootc-installer"], definition.ImageTypeNames);
    }

    [Theory]
    [InlineData("ABSOLUTE/outside", "ABSOLUTE/outside")]
    [InlineData("../outside", "../outside")]
    [InlineData("sub/../../outside", "sub/../../outside")]
    [InlineData("..", "..")]
    public void An_id_that_is_not_a_plain_name_never_reaches_a_file_outside_the_defs(string idPattern, string shown)
    {
        // A def file outside the search directory that each hostile ID would name, exactly and fuzzily.
        _tree.File("outside-9.yaml", AnacondaDef).File("defs/sub/keep", "").File("-9.yaml", AnacondaDef);
        var id = idPattern.Replace("ABSOLUTE", _tree.Root, StringComparison.Ordinal);

        AssertFails(
            $"could not find def file for distro {shown.Replace("ABSOLUTE", _tree.Root, StringComparison.Ordinal)}-9",
            () => Lookup("defs").FindFile(id, "9"));
    }

    [Fact]
    public void An_id_like_entry_that_is_not_a_plain_name_is_skipped_for_the_next()
    {
        _tree.File("outside-9.yaml", AnacondaDef).File("defs/centos-9.yaml", AnacondaDef);

        Assert.Equal(_tree.PathOf("defs/centos-9.yaml"), Lookup("defs").FindFile("myos", "9", ["../outside", _tree.PathOf("outside"), "centos"]));
    }

    [Fact]
    public void The_default_search_directories_are_upstreams_then_the_data_roots()
    {
        Assert.Equal(
            ["./data/defs", "./bib/data/defs", Path.Combine(AppContext.BaseDirectory, "defs"), "/usr/share/bootc-image-builder/defs"],
            DistroDefinitionLookup.DefaultSearchDirectories);
    }

    private DistroDefinitionLookup Lookup(params string[] directories) =>
        new([.. directories.Select(_tree.PathOf)], _log.Logger());

    private static void AssertFails(string message, Action action) =>
        Assert.Equal(message, Assert.Throws<BibException>(action).Message);
}
