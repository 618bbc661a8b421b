using System.CommandLine;
using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Disk;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Upload;
using static BootcImageBuilder.EmptyValues;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>Turns a parse result into validated settings, checking in upstream's order.</summary>
internal static class SettingsReader
{
    /// <param name="parse">The parsed command line.</param>
    /// <param name="options">The manifest flags.</param>
    /// <param name="errorContext">The command's prefix for a bad value: <c>cannot generate manifest</c> or <c>cannot build manifest</c>.</param>
    /// <param name="warn">Where the deprecation warning of <c>--local</c> goes; upstream prints it before anything is checked.</param>
    public static ManifestRequest ReadManifest(ParseResult parse, ManifestOptions options, string errorContext, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var imageRef = SingleArgument(parse.GetValue(options.ImageRef) ?? []);

        var typeNames = parse.GetValue(options.Type) ?? [ImageTypes.DefaultName];
        var local = parse.GetResult(options.Local) is { Implicit: false } ? parse.GetValue(options.Local) : (bool?)null;
        try
        {
            HandleDeprecatedLocal(local, imageRef, warn);
            return new ManifestRequest(imageRef, ParseTypes(typeNames))
            {
                RootfsOverride = NullIfEmpty(parse.GetValue(options.RootFs)) is { } rootfs ? RootfsTypes.Parse(rootfs) : null,
                TargetArch = NullIfEmpty(parse.GetValue(options.TargetArch)) is { } arch ? Arch.Parse(arch) : null,
                BuildContainerRef = NullIfEmpty(parse.GetValue(options.BuildContainer)),
                InstallerPayloadRef = NullIfEmpty(parse.GetValue(options.InstallerPayloadRef)),
                RpmmdDirectory = parse.GetValue(options.Rpmmd) ?? "/rpmmd",
                UseLibrepo = parse.GetValue(options.UseLibrepo),
                OmitDefaultKernelArgs = parse.GetValue(options.NoDefaultKernelArgs),
                ConfigPath = NullIfEmpty(parse.GetValue(options.Config)),
            };
        }
        catch (BibException e)
        {
            throw BibException.Wrap(errorContext, e);
        }
    }

    /// <summary>The one positional word a command takes, with cobra's wording when there is not exactly one.</summary>
    public static string SingleArgument(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.FirstOrDefault(r => r.StartsWith("--", StringComparison.Ordinal)) is { } unknownFlag)
        {
            // The argument takes any word, so a flag nobody declared ends up here.
            throw new BibException($"unknown flag: {unknownFlag.Split('=')[0]}");
        }

        if (words.Length != 1)
        {
            // cobra.ExactArgs(1)'s wording.
            throw new BibException($"accepts 1 arg(s), received {words.Length}");
        }

        return words[0];
    }

    private static void HandleDeprecatedLocal(bool? local, string imageRef, Action<string> warn)
    {
        switch (local)
        {
            case true:
                warn("WARNING: --local is now the default behavior, you can remove it from the command line");
                break;
            case false:
                throw new BibException(
                    "--local=false is no longer supported, remove it and make sure to pull the container before running bib:\n" +
                    $"\tsudo podman pull {imageRef}");
        }
    }

    /// <summary>Upstream's message prefix: <c>cannot detect build types [a b]: …</c>.</summary>
    private static ImageTypeSet ParseTypes(IReadOnlyList<string> names)
    {
        try
        {
            return ImageTypeSet.Parse(names);
        }
        catch (BibException e)
        {
            throw BibException.Wrap($"cannot detect build types [{string.Join(' ', names)}]", e);
        }
    }

    public static BuildSettings ReadBuild(ParseResult parse, BuildOptions options, bool verbose, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var manifest = ReadManifest(parse, options.Manifest, "cannot build manifest", warn);
        var aws = AwsUploadSettings.FromFlags(
            NullIfEmpty(parse.GetValue(options.AwsRegion)),
            NullIfEmpty(parse.GetValue(options.AwsBucket)),
            NullIfEmpty(parse.GetValue(options.AwsAmiName)),
            manifest.Types);
        var gce = GceUploadSettings.FromFlags(
            NullIfEmpty(parse.GetValue(options.GceProject)),
            NullIfEmpty(parse.GetValue(options.GceBucket)),
            NullIfEmpty(parse.GetValue(options.GceImageName)),
            manifest.Types);
        var progress = ProgressModes.Parse(parse.GetValue(options.Progress) ?? "auto");
        if (verbose && progress == ProgressMode.Auto)
        {
            progress = ProgressMode.Verbose;
        }

        var chown = NullIfEmpty(parse.GetValue(options.Chown)) is { } spec ? ChownSpec.Parse(spec) : null;
        var request = new BuildRequest(
            manifest,
            NonEmptyDirectory(parse.GetValue(options.Output) ?? ".", "output"),
            NonEmptyDirectory(parse.GetValue(options.Store) ?? "/store", "store"))
        {
            StoreChosen = parse.GetResult(options.Store) is { Implicit: false },
            Checkpoints = CheckpointModes.Parse(parse.GetValue(options.Checkpoints) ?? "auto"),
            InVm = parse.GetValue(options.Manifest.InVm),
            Chown = chown,
            Uploads = new IUploadSettings?[] { aws, gce }.OfType<IUploadSettings>()
                .Select(upload => upload.CreateTarget(manifest.TargetArch ?? Arch.Current))
                .ToList(),
        };
        return new BuildSettings(request, progress) { Aws = aws, Gce = gce };
    }

    private static string NonEmptyDirectory(string value, string flag) =>
        value.Length == 0 || value.Any(char.IsControl)
            ? throw new BibException($"cannot setup build dir: --{flag} must name a directory (an empty name or control characters are refused)")
            : value;
}
