using System.CommandLine;
using BootcImageBuilder.Cli.Commands;

namespace BootcImageBuilder.Cli.Settings;

/// <summary>Turns a parse result into validated settings, checking in upstream's order.</summary>
internal static class SettingsReader
{
    public static ManifestSettings ReadManifest(ParseResult parse, ManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var refs = parse.GetValue(options.ImageRef) ?? [];
        if (refs.FirstOrDefault(r => r.StartsWith("--", StringComparison.Ordinal)) is { } unknownFlag)
        {
            // The image argument takes any word, so a flag nobody declared ends up here.
            throw new BibException($"unknown flag: {unknownFlag.Split('=')[0]}");
        }

        if (refs.Length != 1)
        {
            // cobra.ExactArgs(1)'s wording.
            throw new BibException($"accepts 1 arg(s), received {refs.Length}");
        }

        return new ManifestSettings
        {
            ImageRef = refs[0],
            TypeNames = parse.GetValue(options.Type) ?? ["qcow2"],
            RootFs = NullIfEmpty(parse.GetValue(options.RootFs)),
            TargetArch = NullIfEmpty(parse.GetValue(options.TargetArch)),
            BuildContainer = NullIfEmpty(parse.GetValue(options.BuildContainer)),
            InstallerPayloadRef = NullIfEmpty(parse.GetValue(options.InstallerPayloadRef)),
            RpmmdDirectory = parse.GetValue(options.Rpmmd) ?? "/rpmmd",
            UseLibrepo = parse.GetValue(options.UseLibrepo),
            NoDefaultKernelArgs = parse.GetValue(options.NoDefaultKernelArgs),
            InVm = parse.GetValue(options.InVm),
            ConfigPath = NullIfEmpty(parse.GetValue(options.Config)),
            Local = parse.GetResult(options.Local) is { Implicit: false } ? parse.GetValue(options.Local) : null,
        };
    }

    public static BuildSettings ReadBuild(ParseResult parse, BuildOptions options, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        var manifest = ReadManifest(parse, options.Manifest);
        var aws = AwsUploadSettings.FromFlags(
            NullIfEmpty(parse.GetValue(options.AwsRegion)),
            NullIfEmpty(parse.GetValue(options.AwsBucket)),
            NullIfEmpty(parse.GetValue(options.AwsAmiName)),
            manifest.TypeNames);
        var progress = ProgressModes.Parse(parse.GetValue(options.Progress) ?? "auto");
        if (verbose && progress == ProgressMode.Auto)
        {
            progress = ProgressMode.Verbose;
        }

        var chown = NullIfEmpty(parse.GetValue(options.Chown)) is { } spec ? ChownSpec.Parse(spec) : null;
        return new BuildSettings
        {
            Manifest = manifest,
            OutputDirectory = parse.GetValue(options.Output) ?? ".",
            StoreDirectory = parse.GetValue(options.Store) ?? "/store",
            Progress = progress,
            Chown = chown,
            Aws = aws,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
