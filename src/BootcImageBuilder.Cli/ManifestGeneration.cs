using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using Serilog;

namespace BootcImageBuilder.Cli;

/// <summary>
/// The manifest step shared by <c>manifest</c> and <c>build</c>: the deprecated flags, the target architecture, the
/// config, the container storage and bootc label, one inspection of the image, then the disk manifest.
/// </summary>
internal sealed class ManifestGeneration(BootcInfoResolver resolver, BlueprintLoader configLoader, TextWriter stderr)
{
    public async Task<Manifest> GenerateAsync(ManifestSettings settings, IProgressReporter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await HandleDeprecatedLocalAsync(settings);
        var types = settings.ParseTypes();
        var targetArch = await CheckTargetArchAsync(settings, types);
        BlueprintConfig config;
        try
        {
            config = configLoader.Load(settings.ConfigPath);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot read config", e);
        }

        progress?.Pulse("Manifest generation step");
        progress?.Start();

        if (types.IsLegacyIso || types.BuildsIso || types.Names.Contains("pxe-tar-xz"))
        {
            throw new BibException($"image type \"{types.Names[0]}\" is not supported by this version yet");
        }

        var resolved = await resolver.ResolveAsync(
            new ContainerResolveRequest(settings.ImageRef, settings.BuildContainer, settings.RootFs, targetArch),
            cancellationToken);
        foreach (var warning in BlueprintSupportCheck.Check(config, types.Names[0]))
        {
            await stderr.WriteLineAsync(warning);
        }

        var source = resolved.Source;
        var random = RandomSourceSelection.Choose(
            Environment.GetEnvironmentVariable(RandomSourceSelection.SeedVariable), source.Arch, DistroName(source));
        if (random.TestModeNotice is { } notice)
        {
            await stderr.WriteLineAsync(notice);
        }

        Log.Debug("generating the disk manifest for {ImageRef} ({Arch})", source.ImageRef, source.Arch);
        return BootcDiskImage.Generate(
            new BootcDiskImageRequest(source)
            {
                BuildSource = resolved.HasSeparateBuildContainer ? BuildSourceOf(resolved) : null,
                Customizations = config.Customizations,
                EmbeddedCustomizations = EmbeddedCustomizationsOf(source),
                RootfsOverride = settings.RootFs,
                OmitDefaultKernelArgs = settings.NoDefaultKernelArgs,
            },
            random.Source);
    }

    /// <summary>Upstream names the distro <c>bootc-&lt;ID&gt;-&lt;VERSION_ID&gt;</c>; it seeds the test-mode RNG.</summary>
    private static string DistroName(BootcInfo info) => $"bootc-{info.OsInfo.OsRelease.Id}-{info.OsInfo.OsRelease.VersionId}";

    private static BootcInfo BuildSourceOf(ResolvedContainers resolved) => resolved.Source with
    {
        ImageRef = resolved.Build.ImageRef,
        ImageId = resolved.Build.ImageId,
        Arch = resolved.Build.Arch,
    };

    private static Customizations? EmbeddedCustomizationsOf(BootcInfo source)
    {
        if (source.OsInfo.EmbeddedConfig is not { } embedded)
        {
            return null;
        }

        var format = embedded.Path.EndsWith(".toml", StringComparison.Ordinal) ? ConfigFormat.Toml : ConfigFormat.Json;
        return BlueprintParser.Parse(embedded.Contents, format, embedded.Path).Customizations;
    }

    private async Task HandleDeprecatedLocalAsync(ManifestSettings settings)
    {
        switch (settings.Local)
        {
            case true:
                await stderr.WriteLineAsync("WARNING: --local is now the default behavior, you can remove it from the command line");
                break;
            case false:
                throw new BibException(
                    "--local=false is no longer supported, remove it and make sure to pull the container before running bib:\n" +
                    $"\tsudo podman pull {settings.ImageRef}");
        }
    }

    private async Task<Arch?> CheckTargetArchAsync(ManifestSettings settings, ImageTypeSet types)
    {
        if (settings.TargetArch is null)
        {
            return null;
        }

        var target = Arch.Parse(settings.TargetArch);
        if (target != Arch.Current)
        {
            await stderr.WriteLineAsync("WARNING: target-arch is experimental and needs an installed 'qemu-user' package");
            if (types.Names.Contains("iso"))
            {
                throw new BibException("cannot build iso for different target arches yet");
            }
        }

        return target;
    }
}
