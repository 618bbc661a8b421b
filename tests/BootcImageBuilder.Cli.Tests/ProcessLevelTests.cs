namespace BootcImageBuilder.Cli.Tests;

/// <summary>The built binary, run as a process: the behaviours upstream's own test suite asserts.</summary>
public class ProcessLevelTests
{
    private const string ValidTypes = "ami, anaconda-iso, bootc-installer, gce, iso, ova, pxe-tar-xz, qcow2, raw, vhd, vmdk";

    [Fact]
    public void Unknown_type_is_one_error_line_with_the_sorted_valid_list()
    {
        var message = BibProcess.Run("manifest", "--type", "foo", "quay.io/x:y").SingleErrorLine();

        Assert.Equal(
            $"cannot generate manifest: cannot detect build types [foo]: unsupported image type \"foo\", valid types are {ValidTypes}",
            message);
    }

    [Fact]
    public void Unknown_type_under_build_uses_the_build_prefix()
    {
        var message = BibProcess.Run("build", "--type", "foo", "quay.io/x:y").SingleErrorLine();

        Assert.StartsWith("cannot build manifest: cannot detect build types [foo]: unsupported image type \"foo\"", message);
    }

    [Fact]
    public void Iso_and_disk_types_may_be_mixed_unlike_upstream()
    {
        var message = BibProcess.Run("manifest", "--type", "vmdk", "--type", "anaconda-iso", "quay.io/x:y").ErrorMessage();

        // Past the type check: it fails only later, for want of the image.
        Assert.StartsWith("cannot generate manifest: failed to inspect the image: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_installer_isos_in_one_request_are_refused()
    {
        var message = BibProcess.Run("manifest", "--type", "bootc-installer", "--type", "iso", "quay.io/x:y").SingleErrorLine();

        Assert.Equal(
            "cannot generate manifest: cannot detect build types [bootc-installer iso]: " +
            "cannot build bootc-installer and iso in one request: both write bootiso/install.iso",
            message);
    }

    [Theory]
    [InlineData("iso")]
    [InlineData("anaconda-iso")]
    [InlineData("bootc-installer")]
    public void Every_installer_iso_is_refused_for_another_architecture(string type)
    {
        var foreign = Arch.Current == Arch.Aarch64 ? "x86_64" : "aarch64";

        var result = BibProcess.Run("manifest", "--type", type, "--target-arch", foreign, "quay.io/x:y");

        Assert.Equal("cannot generate manifest: cannot build iso for different target arches yet", result.ErrorMessage());
        Assert.Contains("WARNING: target-arch is experimental", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_aws_flags_name_the_missing_ones()
    {
        var message = BibProcess.Run("--type", "ami", "--aws-region", "us-east-1", "quay.io/x:y").SingleErrorLine();

        Assert.Equal(
            "if any flags in the group [aws-region aws-bucket aws-ami-name] are set they must all be set; missing [aws-ami-name aws-bucket]",
            message);
    }

    [Fact]
    public void Aws_flags_with_a_non_ami_type_are_refused()
    {
        var message = BibProcess.Run(
            "--aws-region", "r", "--aws-bucket", "b", "--aws-ami-name", "n", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("cannot handle AWS setup: aws flags set for non-ami image type (type is set to qcow2)", message);
    }

    [Fact]
    public void Unknown_progress_type_is_refused()
    {
        var message = BibProcess.Run("build", "--progress", "fancy", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("cannot create progress bar: unknown progress type: \"fancy\"", message);
    }

    [Fact]
    public void Invalid_chown_is_refused_before_any_work()
    {
        var message = BibProcess.Run("build", "--chown", "-1:-1", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("cannot parse chown: \"-1:-1\" is not UID[:GID] with non-negative numeric ids", message);
    }

    [Fact]
    public void No_arguments_runs_build_which_wants_exactly_one_image()
    {
        Assert.Equal("accepts 1 arg(s), received 0", BibProcess.Run().SingleErrorLine());
    }

    [Fact]
    public void Two_images_are_refused()
    {
        Assert.Equal("accepts 1 arg(s), received 2", BibProcess.Run("manifest", "a:1", "b:2").SingleErrorLine());
    }

    [Fact]
    public void Unknown_flag_is_one_error_line()
    {
        Assert.Equal("unknown flag: --no-such-flag", BibProcess.Run("--no-such-flag", "quay.io/x:y").SingleErrorLine());
    }

    [Fact]
    public void Invalid_log_level_is_refused_with_logrus_wording()
    {
        var message = BibProcess.Run("--log-level", "loud", "manifest", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("not a valid logrus Level: \"loud\"", message);
    }

    [Fact]
    public void Local_false_is_refused_and_tells_how_to_pull()
    {
        var result = BibProcess.Run("manifest", "--local=false", "quay.io/x:y");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error: cannot generate manifest: --local=false is no longer supported, remove it and make sure to pull the container before running bib:\n\tsudo podman pull quay.io/x:y",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Local_true_only_warns()
    {
        var result = BibProcess.Run("manifest", "--local", "--type", "foo", "quay.io/x:y");

        Assert.StartsWith(
            "WARNING: --local is now the default behavior, you can remove it from the command line\n",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Implicit_build_with_flags_first_reaches_build()
    {
        // Only build has --progress; the error proves the words went to build.
        var message = BibProcess.Run("--progress", "nope", "--type", "qcow2", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("cannot create progress bar: unknown progress type: \"nope\"", message);
    }

    [Fact]
    public void Flags_before_the_subcommand_belong_to_it()
    {
        var message = BibProcess.Run("--type=foo", "manifest", "quay.io/x:y").SingleErrorLine();

        Assert.StartsWith("cannot generate manifest: cannot detect build types [foo]", message);
    }

    [Fact]
    public void Manifest_help_shows_log_level_but_hides_config()
    {
        var result = BibProcess.Run("manifest", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--log-level", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--config", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--local", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--tls-verify", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_help_lists_the_build_only_flags()
    {
        var result = BibProcess.Run("build", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var flag in new[] { "--output", "--store", "--progress", "--chown", "--aws-region", "--aws-bucket", "--aws-ami-name", "--type", "--rootfs" })
        {
            Assert.Contains(flag, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("build", "--type <type>", "[default: qcow2]")]
    [InlineData("build", "--rpmmd <rpmmd>", "[default: /rpmmd]")]
    [InlineData("build", "--output <output>", "[default: .]")]
    [InlineData("build", "--store <store>", "[default: /store]")]
    [InlineData("build", "--progress <progress>", "[default: auto]")]
    [InlineData("manifest", "--type <type>", "[default: qcow2]")]
    [InlineData("manifest", "--rpmmd <rpmmd>", "[default: /rpmmd]")]
    public void Help_shows_each_flag_with_upstreams_default(string command, string flag, string shownDefault)
    {
        var result = BibProcess.Run(command, "--help");

        var line = Assert.Single(result.Stdout.Split('\n'), l => l.TrimStart().StartsWith(flag, StringComparison.Ordinal));
        Assert.EndsWith(shownDefault, line.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "--help")]
    [InlineData("manifest", "--help")]
    [InlineData("help", "build")]
    public void Help_lists_every_image_type_under_type(params string[] args)
    {
        var result = BibProcess.Run(args);

        var line = Assert.Single(result.Stdout.Split('\n'), l => l.TrimStart().StartsWith("--type <type>", StringComparison.Ordinal));
        Assert.Contains($"image types to build [{ValidTypes}]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", new[] { "--rootfs", "--target-arch", "--build-container", "--installer-payload-ref", "--in-vm", "--use-librepo", "--no-default-kernel-args", "--chown", "--aws-region", "--aws-bucket", "--aws-ami-name", "--log-level", "--verbose", "--version" })]
    [InlineData("manifest", new[] { "--rootfs", "--target-arch", "--build-container", "--installer-payload-ref", "--in-vm", "--use-librepo", "--no-default-kernel-args", "--log-level", "--verbose", "--version" })]
    public void Help_lists_every_visible_flag_of_the_command(string command, string[] flags)
    {
        var result = BibProcess.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.All(flags, flag => Assert.Contains(flag, result.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_help_has_no_build_only_flags()
    {
        var result = BibProcess.Run("manifest", "--help");

        foreach (var flag in new[] { "--output", "--store", "--progress", "--chown", "--aws-region" })
        {
            Assert.DoesNotContain(flag, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bool_flag_with_a_value_go_cannot_parse_is_cobras_error()
    {
        var message = BibProcess.Run("manifest", "--use-librepo=maybe", "quay.io/x:y").SingleErrorLine();

        Assert.Equal("invalid argument \"maybe\" for \"--use-librepo\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax", message);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("--version")]
    [InlineData("version", "extra-ignored")]
    [InlineData("build", "--version")]
    [InlineData("manifest", "--version")]
    public void Version_prints_three_lines(params string[] args)
    {
        var result = BibProcess.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(
            @"^build_revision: ([0-9a-f]{7}|unknown)\nbuild_time: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z|unknown)\nbuild_tainted: (true|false)\n$",
            result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Debug_log_level_writes_logrus_style_lines()
    {
        var result = BibProcess.Run("--log-level", "debug", "manifest", "--type", "foo", "quay.io/x:y");

        Assert.Contains("level=debug", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.StderrLines, l => l.Contains(" error: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_log_level_writes_no_log_lines()
    {
        var result = BibProcess.Run("manifest", "--type", "foo", "quay.io/x:y");

        Assert.DoesNotContain("level=", result.Stderr, StringComparison.Ordinal);
    }
}
