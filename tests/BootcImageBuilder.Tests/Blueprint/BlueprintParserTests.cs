using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

public class BlueprintParserTests
{
    private static BlueprintConfig Toml(string text) => BlueprintParser.Parse(text, ConfigFormat.Toml, "config.toml");

    private static BlueprintConfig Json(string text) => BlueprintParser.Parse(text, ConfigFormat.Json, "config.json");

    private static string TomlError(string text) => Assert.Throws<BibException>(() => Toml(text)).Message;

    private static string JsonError(string text) => Assert.Throws<BibException>(() => Json(text)).Message;

    [Fact]
    public void Toml_setting_every_key_parses_to_the_expected_model()
    {
        var blueprint = Toml(BlueprintSamples.FullToml);

        Assert.Equal(BlueprintSamples.Compact(BlueprintSamples.ExpectedCanonicalJson), BlueprintSamples.Canonical(blueprint));
    }

    [Fact]
    public void Json_setting_every_key_parses_to_the_expected_model()
    {
        var blueprint = Json(BlueprintJsonSample.FullJson);

        Assert.Equal(BlueprintSamples.Compact(BlueprintSamples.ExpectedCanonicalJson), BlueprintSamples.Canonical(blueprint));
    }

    [Fact]
    public void Model_written_with_the_source_generated_context_parses_back_to_the_same_model()
    {
        var model = Toml(BlueprintSamples.FullToml);
        var json = BlueprintSamples.Canonical(model);

        var again = Json(json);

        Assert.Equal(json, BlueprintSamples.Canonical(again));
    }

    [Fact]
    public void Typed_fields_bib_uses_are_read_into_the_model()
    {
        var c = Toml(BlueprintSamples.FullToml).Customizations!;

        var alice = c.User[0];
        Assert.Equal(("alice", BlueprintSamples.Secret, 1000L, 1001L, 20000L, true), (alice.Name, alice.Password, alice.Uid, alice.Gid, alice.ExpireDate, alice.ForcePasswordReset));
        Assert.Equal(["wheel", "users"], alice.Groups);
        Assert.Equal(new GroupCustomization { Name = "devs", Gid = 2000 }, c.Group[0]);
        Assert.Equal(new KernelCustomization { Name = "kernel-rt", Append = "quiet mitigations=off" }, c.Kernel);
        Assert.Equal(new FilesystemCustomization { Mountpoint = "/var/data", MinSize = 1073741824 }, c.Filesystem[1]);
        Assert.Equal(PartitionTableType.Gpt, c.Disk!.Type);
        Assert.Equal(21474836480UL, c.Disk.MinSize);
        Assert.Equal(1048576UL, c.Disk.StartOffset);
        Assert.Equal([PartitionKind.Plain, PartitionKind.Lvm, PartitionKind.Btrfs], c.Disk.Partitions.Select(p => p.Type));
        Assert.Equal(new LogicalVolumeCustomization { Name = "swaplv", MinSize = 536870912, FsType = "swap" }, c.Disk.Partitions[1].LogicalVolumes![1]);
        Assert.Equal(new BtrfsSubvolumeCustomization { Name = "home", Mountpoint = "/var/home" }, c.Disk.Partitions[2].Subvolumes![0]);
        Assert.Equal(OwnerId.ById(1000), c.Files[0].User);
        Assert.Equal(OwnerId.ByName("wheel"), c.Files[0].Group);
        Assert.Equal(OwnerId.ById(0), c.Directories[0].Group);
        Assert.Equal("https://ign.example.com/config.ign", c.Ignition!.FirstBoot!.Url);
        Assert.Equal("eyJpZ25pdGlvbiI6e319", c.Ignition.Embedded!.Config);
        Assert.Equal(["alice", "%wheel"], c.Installer!.SudoNopasswd);
        Assert.Equal("text --non-interactive", c.Installer.Kickstart!.Contents);
        Assert.Equal(["org.fedoraproject.Anaconda.Modules.Users"], c.Installer.Modules!.Disable);
        Assert.Equal(5L, c.Installer.Bootloader!.Grub2!.MenuTimeout);
        Assert.Equal(new IsoCustomization { VolumeId = "MYISO", ApplicationId = "app", Publisher = "me" }, c.Iso);
        Assert.True(c.Fips);
        Assert.Equal(new SshdCustomization { PasswordAuthentication = false, ClientAliveInterval = 60, PermitRootLogin = "prohibit-password", KbdInteractiveAuthentication = false }, c.Sshd);
    }

    [Fact]
    public void Empty_toml_is_an_empty_blueprint()
    {
        Assert.Equal(BlueprintSamples.Canonical(BlueprintConfig.Empty), BlueprintSamples.Canonical(Toml("")));
    }

    [Fact]
    public void Upstream_alice_example_parses_the_same_from_toml_and_json()
    {
        var fromToml = Toml("[[customizations.user]]\nname = \"alice\"\n");
        var fromJson = Json("""{"customizations": {"user": [{"name": "alice"}]}}""");

        Assert.Equal("""{"packages":[],"modules":[],"enabled_modules":[],"groups":[],"containers":[],"customizations":{"sshkey":[],"user":[{"name":"alice","groups":[]}],"group":[],"filesystem":[],"directories":[],"files":[]}}""", BlueprintSamples.Canonical(fromToml));
        Assert.Equal(BlueprintSamples.Canonical(fromToml), BlueprintSamples.Canonical(fromJson));
    }

    [Fact]
    public void Legacy_json_wrapper_is_unwrapped()
    {
        var blueprint = Json("""{"blueprint": {"customizations": {"user": [{"name": "alice"}]}}}""");

        Assert.Equal("alice", Assert.Single(blueprint.Customizations!.User).Name);
    }

    [Fact]
    public void Legacy_toml_wrapper_is_unwrapped()
    {
        var blueprint = Toml("[[blueprint.customizations.user]]\nname = \"alice\"\n");

        Assert.Equal("alice", Assert.Single(blueprint.Customizations!.User).Name);
    }

    [Fact]
    public void Errors_inside_the_legacy_wrapper_name_the_full_path()
    {
        Assert.Equal(
            "cannot decode \"config.json\": blueprint.customizations.usr: unknown key; did you mean blueprint.customizations.user?",
            JsonError("""{"blueprint": {"customizations": {"usr": []}}}"""));
    }

    [Fact]
    public void Keys_next_to_the_legacy_wrapper_are_refused()
    {
        Assert.Equal(
            "cannot decode \"config.json\": name: not allowed next to the legacy \"blueprint\" wrapper",
            JsonError("""{"blueprint": {}, "name": "x"}"""));
    }

    [Fact]
    public void Unknown_top_level_key_is_fatal_with_a_suggestion()
    {
        Assert.Equal("cannot decode \"config.toml\": nmae: unknown key; did you mean name?", TomlError("nmae = \"x\"\n"));
    }

    [Fact]
    public void Unknown_key_without_a_close_match_has_no_suggestion()
    {
        Assert.Equal("cannot decode \"config.toml\": birds: unknown key", TomlError("[[birds]]\nname = \"toucan\"\n"));
        Assert.Equal("cannot decode \"config.json\": birds: unknown key", JsonError("""{"birds": [{"name": "toucan"}]}"""));
    }

    [Fact]
    public void Unknown_nested_key_names_its_full_path_and_suggests_the_sibling()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.usr: unknown key; did you mean customizations.user?",
            TomlError("[[customizations.usr]]\nname = \"alice\"\n"));
        Assert.Equal(
            "cannot decode \"config.json\": customizations.usr: unknown key; did you mean customizations.user?",
            JsonError("""{"customizations": {"usr": [{"name": "alice"}]}}"""));
    }

    [Fact]
    public void Unknown_key_inside_an_array_item_names_the_item_index()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.user[1].nmae: unknown key; did you mean customizations.user[1].name?",
            TomlError("[[customizations.user]]\nname = \"a\"\n[[customizations.user]]\nnmae = \"b\"\n"));
    }

    [Fact]
    public void Keys_of_one_partition_type_are_refused_in_another()
    {
        Assert.Equal(
            "cannot decode \"config.json\": customizations.disk.partitions[0].logical_volumes: not allowed in a \"plain\" partition",
            JsonError("""{"customizations": {"disk": {"partitions": [{"minsize": 1, "logical_volumes": []}]}}}"""));
    }

    [Fact]
    public void Unknown_partition_type_is_refused_with_the_valid_ones()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.disk.partitions[0].type: unsupported value (expected one of: plain, lvm, btrfs)",
            TomlError("[[customizations.disk.partitions]]\ntype = \"zfs\"\nminsize = 1\n"));
    }

    [Fact]
    public void Unknown_disk_table_type_is_refused()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.disk.type: unsupported value (expected one of: gpt, dos)",
            TomlError("[customizations.disk]\ntype = \"mbr\"\n"));
    }

    [Fact]
    public void Wrong_type_names_the_path_and_the_expected_type()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.user[0].uid: expected an integer, got a string",
            TomlError("[[customizations.user]]\nname = \"a\"\nuid = \"1000\"\n"));
        Assert.Equal(
            "cannot decode \"config.json\": customizations.user: expected an array, got an object",
            JsonError("""{"customizations": {"user": {"name": "a"}}}"""));
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.kernel: expected a table, got a string",
            TomlError("[customizations]\nkernel = \"quiet\"\n"));
        Assert.Equal(
            "cannot decode \"config.json\": customizations.fips: expected a boolean, got an integer",
            JsonError("""{"customizations": {"fips": 1}}"""));
    }

    [Fact]
    public void Json_fractional_number_is_not_an_integer()
    {
        Assert.Equal(
            "cannot decode \"config.json\": customizations.group[0].gid: expected an integer, got a number",
            JsonError("""{"customizations": {"group": [{"name": "g", "gid": 1.5}]}}"""));
    }

    [Fact]
    public void Json_top_level_must_be_an_object()
    {
        Assert.Equal("cannot decode \"config.json\": expected an object, got an array", JsonError("[]"));
    }

    [Fact]
    public void Json_null_values_count_as_absent()
    {
        var blueprint = Json("""{"name": null, "customizations": {"kernel": null, "user": [{"name": "a", "uid": null}]}}""");

        Assert.Null(blueprint.Name);
        Assert.Null(blueprint.Customizations!.Kernel);
        Assert.Null(blueprint.Customizations.User[0].Uid);
    }

    [Fact]
    public void Json_with_a_second_value_is_refused_with_upstreams_message()
    {
        Assert.Equal("multiple configuration objects or extra data found in \"config.json\"", JsonError("{} {}"));
        Assert.Equal("multiple configuration objects or extra data found in \"config.json\"", JsonError("{} x"));
    }

    [Fact]
    public void Json_syntax_error_gives_the_position()
    {
        Assert.Equal("cannot decode \"config.json\": invalid JSON at line 2, column 11", JsonError("{\n  \"name\": oops}"));
    }

    [Fact]
    public void Empty_json_is_an_error()
    {
        Assert.Equal("cannot decode \"config.json\": unexpected end of JSON input", JsonError("  "));
    }

    [Fact]
    public void Json_duplicate_key_is_refused()
    {
        Assert.Equal("cannot decode \"config.json\": customizations.fips: duplicate key", JsonError("""{"customizations": {"fips": true, "fips": false}}"""));
    }

    [Fact]
    public void Toml_duplicate_key_is_refused_with_its_position()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": invalid TOML at line 2, column 1: a key or table is defined twice",
            TomlError("name = \"a\"\nname = \"b\"\n"));
    }

    [Fact]
    public void Toml_date_values_are_refused_by_path()
    {
        Assert.Equal("cannot decode \"config.toml\": version: date/time values are not accepted anywhere in a blueprint", TomlError("version = 2024-01-01\n"));
    }

    [Fact]
    public void Json_in_a_toml_file_is_a_decode_error()
    {
        Assert.StartsWith("cannot decode \"config.toml\": invalid TOML at line 1, column ", TomlError("""{"customizations": {}}"""));
    }

    [Fact]
    public void Toml_in_a_json_file_is_a_decode_error()
    {
        Assert.Equal("cannot decode \"config.json\": invalid JSON at line 1, column 3", JsonError("[[customizations.user]]\nname = \"alice\"\n"));
    }

    [Fact]
    public void User_without_a_name_is_refused()
    {
        Assert.Equal("cannot decode \"config.toml\": customizations.user[0].name: required key is missing", TomlError("[[customizations.user]]\npassword = \"x\"\n"));
    }

    [Fact]
    public void File_with_both_data_and_uri_is_refused()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.files[0]: data and uri cannot both be set",
            TomlError("[[customizations.files]]\npath = \"/etc/x\"\ndata = \"a\"\nuri = \"file:///a\"\n"));
    }

    [Fact]
    public void File_mode_must_be_octal()
    {
        Assert.Equal(
            "cannot decode \"config.toml\": customizations.files[0].mode: invalid mode: must be an octal number such as 0644",
            TomlError("[[customizations.files]]\npath = \"/etc/x\"\nmode = \"0999\"\n"));
    }

    [Fact]
    public void Firstboot_script_type_is_required_and_case_insensitive()
    {
        Assert.Equal(
            "cannot decode \"config.json\": customizations.firstboot.scripts[0].type: required key is missing",
            JsonError("""{"customizations": {"firstboot": {"scripts": [{"contents": "x"}]}}}"""));
        Assert.Equal(
            """{"scripts":[{"type":"custom","contents":"x"}]}""",
            Json("""{"customizations": {"firstboot": {"scripts": [{"type": "CUSTOM", "contents": "x"}]}}}""").Customizations!.Firstboot!.Value.GetRawText());
    }

    [Fact]
    public void Odd_keys_are_quoted_so_the_message_stays_on_one_line()
    {
        Assert.Equal("cannot decode \"config.json\": customizations.\"a\\nb\": unknown key", JsonError("""{"customizations": {"a\nb": 1}}"""));
    }

    [Fact]
    public void Source_name_is_quoted_like_go()
    {
        var message = Assert.Throws<BibException>(() => BlueprintParser.Parse("x", ConfigFormat.Json, "/tmp/a\"b.json")).Message;

        Assert.Equal("cannot decode \"/tmp/a\\\"b.json\": invalid JSON at line 1, column 1", message);
    }

    [Fact]
    public void Toml_that_crashes_tomlyn_is_still_a_decode_error()
    {
        // Found by the mutation property test: Tomlyn throws ArgumentOutOfRangeException on an escape at end of input.
        Assert.Equal("cannot decode \"config.toml\": invalid TOML: the document could not be parsed", TomlError("{\"blu\\"));
    }
}
