using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Disk;
using Serilog.Events;

namespace BootcImageBuilder.Cli.Tests;

public class FlagDefaultsTests
{
    [Fact]
    public void Manifest_defaults_are_upstreams()
    {
        var settings = RecordingHandlers.Invoke("manifest", "quay.io/x:y").Manifest!;

        Assert.Equal("quay.io/x:y", settings.ImageRef);
        Assert.Equal(["qcow2"], settings.Types.Names);
        Assert.Equal("/rpmmd", settings.RpmmdDirectory);
        Assert.True(settings.UseLibrepo);
        Assert.False(settings.OmitDefaultKernelArgs);
        Assert.Null(settings.RootfsOverride);
        Assert.Null(settings.TargetArch);
        Assert.Null(settings.BuildContainerRef);
        Assert.Null(settings.InstallerPayloadRef);
        Assert.Null(settings.ConfigPath);
    }

    [Fact]
    public void Build_defaults_are_upstreams()
    {
        var settings = RecordingHandlers.Invoke("build", "quay.io/x:y").Build!;

        Assert.Equal(".", settings.Request.OutputDirectory);
        Assert.Equal("/store", settings.Request.StoreDirectory);
        Assert.False(settings.Request.StoreChosen);
        Assert.False(settings.Request.InVm);
        Assert.Equal(CheckpointMode.Auto, settings.Request.Checkpoints);
        Assert.Equal(ProgressMode.Auto, settings.Progress);
        Assert.Null(settings.Request.Chown);
        Assert.Null(settings.Aws);
        Assert.Equal("manifest-qcow2.json", settings.Request.Manifest.Types.ManifestFileName);
    }

    [Fact]
    public void Every_manifest_flag_reaches_the_settings()
    {
        var settings = RecordingHandlers.Invoke(
            "manifest", "--type", "raw", "--type", "ami", "--rootfs", "btrfs", "--target-arch", "aarch64",
            "--build-container", "localhost/build:1", "--installer-payload-ref", "localhost/payload:1", "--rpmmd", "/tmp/rpmmd",
            "--use-librepo=false", "--no-default-kernel-args", "--in-vm", "--config", "/tmp/c.toml", "--local", "--tls-verify",
            "quay.io/x:y").Manifest!;

        Assert.Equal(["raw", "ami"], settings.Types.Names);
        Assert.Equal(FilesystemType.Btrfs, settings.RootfsOverride);
        Assert.Equal(Arch.Aarch64, settings.TargetArch);
        Assert.Equal("localhost/build:1", settings.BuildContainerRef);
        Assert.Equal("localhost/payload:1", settings.InstallerPayloadRef);
        Assert.Equal("/tmp/rpmmd", settings.RpmmdDirectory);
        Assert.False(settings.UseLibrepo);
        Assert.True(settings.OmitDefaultKernelArgs);
        Assert.Equal("/tmp/c.toml", settings.ConfigPath);
    }

    [Fact]
    public void Every_build_flag_reaches_the_settings()
    {
        var settings = RecordingHandlers.Invoke(
            "--type", "ami", "--output", "/tmp/out", "--store", "/tmp/store", "--progress", "term", "--chown", "1000:100",
            "--in-vm", "--checkpoints", "never",
            "--aws-region", "eu-west-1", "--aws-bucket", "bucket", "--aws-ami-name", "my-ami", "quay.io/x:y").Build!;

        Assert.Equal("/tmp/out", settings.Request.OutputDirectory);
        Assert.Equal("/tmp/store", settings.Request.StoreDirectory);
        Assert.True(settings.Request.StoreChosen);
        Assert.True(settings.Request.InVm);
        Assert.Equal(CheckpointMode.Never, settings.Request.Checkpoints);
        Assert.Equal(ProgressMode.Term, settings.Progress);
        Assert.Equal(new ChownSpec(1000, 100), settings.Request.Chown);
        Assert.Equal(new AwsUploadSettings("eu-west-1", "bucket", "my-ami"), settings.Aws);
        Assert.Equal("manifest-ami.json", settings.Request.Manifest.Types.ManifestFileName);
    }

    [Theory]
    [InlineData("--use-librepo=0", false)]
    [InlineData("--use-librepo=F", false)]
    [InlineData("--use-librepo=FALSE", false)]
    [InlineData("--use-librepo=t", true)]
    [InlineData("--use-librepo=1", true)]
    [InlineData("--use-librepo", true)]
    public void Bool_flags_take_gos_spellings(string flag, bool expected)
    {
        var handlers = new RecordingHandlers();
        var commandLine = new Commands.BibCommandLine(handlers);
        string[] args = ["manifest", flag, "quay.io/x:y"];
        var parse = commandLine.Root.Parse(Commands.BoolFlagValues.Normalize(args, commandLine.Root));
        Assert.Equal(0, parse.Invoke());

        Assert.Equal(expected, handlers.Manifest!.UseLibrepo);
    }

    [Fact]
    public void Type_values_are_not_split_on_commas()
    {
        var message = BibProcess.Run("manifest", "--type", "qcow2,raw", "quay.io/x:y").SingleErrorLine();

        Assert.StartsWith("cannot generate manifest: cannot detect build types [qcow2,raw]: unsupported image type \"qcow2,raw\"", message);
    }

    [Theory]
    [InlineData("--rootfs", "zfs", "failed to set default rootfs for bootc distro: unknown or unsupported filesystem type name: zfs")]
    [InlineData("--target-arch", "mips", "unsupported architecture \"mips\"")]
    public void Bad_rootfs_and_arch_values_are_refused_with_the_flags(string flag, string value, string expected)
    {
        var message = BibProcess.Run("manifest", flag, value, "quay.io/x:y").SingleErrorLine();

        Assert.Equal("cannot generate manifest: " + expected, message);
    }

    [Fact]
    public void Verbose_means_info_and_verbose_progress()
    {
        var handlers = RecordingHandlers.Invoke("-v", "quay.io/x:y");

        Assert.Equal(LogEventLevel.Information, handlers.LogLevel);
        Assert.Equal(ProgressMode.Verbose, handlers.Build!.Progress);
    }

    [Fact]
    public void Verbose_keeps_an_explicit_progress()
    {
        Assert.Equal(ProgressMode.Term, RecordingHandlers.Invoke("-v", "--progress", "term", "quay.io/x:y").Build!.Progress);
    }

    [Fact]
    public void Log_level_wins_over_verbose()
    {
        Assert.Equal(LogEventLevel.Debug, RecordingHandlers.Invoke("-v", "--log-level", "debug", "quay.io/x:y").LogLevel);
    }

    [Fact]
    public void Default_log_level_is_error()
    {
        Assert.Equal(LogEventLevel.Error, RecordingHandlers.Invoke("manifest", "quay.io/x:y").LogLevel);
    }

    [Fact]
    public void Json_progress_is_accepted()
    {
        Assert.Equal(ProgressMode.Json, RecordingHandlers.Invoke("--progress", "json", "quay.io/x:y").Build!.Progress);
    }

    [Fact]
    public void Version_command_prints_the_version()
    {
        Assert.True(RecordingHandlers.Invoke("version").VersionPrinted);
    }
}
