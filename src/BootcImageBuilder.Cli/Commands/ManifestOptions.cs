using System.CommandLine;
using BootcImageBuilder.Cli.Completion;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>
/// The flags <c>manifest</c> and <c>build</c> share, with upstream's names, defaults and help texts.
/// Each command gets its own instances, as a System.CommandLine symbol has one parent.
/// </summary>
internal sealed class ManifestOptions
{
    public Option<bool> TlsVerify { get; } = new("--tls-verify")
    {
        Description = "DEPRECATED: require HTTPS and verify certificates when contacting registries",
        Hidden = true,
    };

    public Option<string> Rpmmd { get; } = new("--rpmmd")
    {
        Description = "rpm metadata cache directory",
        DefaultValueFactory = _ => "/rpmmd",
    };

    public Option<string> TargetArch { get; } = new Option<string>("--target-arch")
    {
        Description = "build for the given target architecture (experimental)",
    }.CompletingWith("amd64", "arm64", "ppc64le", "s390x", "riscv64");

    public Option<string> BuildContainer { get; } = new("--build-container")
    {
        Description = "Use a custom container for the image build",
    };

    public Option<string> InstallerPayloadRef { get; } = new("--installer-payload-ref")
    {
        Description = "bootc installer payload ref",
    };

    /// <summary>
    /// Its description and completions name every image type, which takes reading the embedded image type table: both
    /// wait until asked for (<see cref="DescribeImageTypes"/>), so that a run that shows no help starts without it.
    /// </summary>
    public Option<string[]> Type { get; } = new Option<string[]>("--type")
    {
        DefaultValueFactory = _ => [ImageTypes.DefaultName],
        AllowMultipleArgumentsPerToken = false,
    }.CompletingWith(() => ImageTypes.All.SelectMany(t => t.Aliases.Prepend(t.Name)).Order(StringComparer.Ordinal));

    public Option<bool> Local { get; } = new("--local")
    {
        Description = "DEPRECATED: --local is now the default behavior, make sure to pull the container image before running bootc-image-builder",
        DefaultValueFactory = _ => true,
        Hidden = true,
    };

    public Option<string> RootFs { get; } = new Option<string>("--rootfs")
    {
        Description = "Root filesystem type. If not given, the default configured in the source container image is used.",
    }.CompletingWith("ext4", "xfs", "btrfs");

    public Option<bool> InVm { get; } = new("--in-vm")
    {
        Description = "Run osbuild in a virtual machine",
    };

    public Option<bool> UseLibrepo { get; } = new("--use-librepo")
    {
        Description = "switch to librepo for pkg download, needs new enough osbuild",
        DefaultValueFactory = _ => true,
    };

    public Option<bool> NoDefaultKernelArgs { get; } = new("--no-default-kernel-args")
    {
        Description = "don't use the default kernel arguments",
    };

    // Only useful to developers who run the tool outside a container, so hidden as upstream does.
    public Option<string> Config { get; } = new("--config")
    {
        Description = "build config file; /config.json will be used if present",
        Hidden = true,
    };

    public Option<bool> Version { get; } = new("--version")
    {
        Description = "version for bootc-image-builder",
    };

    public Argument<string[]> ImageRef { get; } = new("IMAGE_NAME")
    {
        Description = "container image to build into a bootable image",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Gives <see cref="Type"/> its description, for the help that shows it.</summary>
    public void DescribeImageTypes() => Type.Description ??= $"image types to build [{ImageTypes.Available}]";

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[]
                 {
                     TlsVerify, Rpmmd, TargetArch, BuildContainer, InstallerPayloadRef, Type, Local, RootFs, InVm,
                     UseLibrepo, NoDefaultKernelArgs, Config, Version,
                 })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(ImageRef);
    }
}
