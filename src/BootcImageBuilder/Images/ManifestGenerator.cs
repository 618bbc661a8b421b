using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Randomness;
using Serilog;

namespace BootcImageBuilder.Images;

/// <summary>
/// Answers "the manifests for these types from this container": inspects the image (and build container) once,
/// then asks each requested kind's generator for its manifest. Warnings (unsupported blueprint options, the
/// test-mode seed) go to <paramref name="warn"/>, in the order they arise.
/// </summary>
public sealed class ManifestGenerator(BootcInfoResolver resolver, IEnumerable<IImageKindGenerator> kinds, Action<string> warn)
{
    private readonly Dictionary<ImageKind, IImageKindGenerator> _kinds = kinds.ToDictionary(k => k.Kind);

    /// <summary>A generator for every kind this version builds.</summary>
    public static ManifestGenerator Create(BootcInfoResolver resolver, Action<string> warn, IProcessRunner? processes = null) =>
        new(
            resolver,
            [
                new DiskImageKind(),
                new LegacyInstallerIsoKind(new Depsolve.Depsolver(processes ?? new ProcessRunner()), DistroDefinitionLookup.Default, new Depsolve.RhsmSecrets()),
                new BootcInstallerIsoKind(resolver),
                new PxeImageKind(),
            ],
            warn);

    public async Task<IReadOnlyList<ImageManifest>> GenerateAsync(ManifestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var generators = request.Types.Kinds.Select(GeneratorFor(request.Types)).ToList();
        foreach (var generator in generators)
        {
            generator.Validate(request);
        }

        await using var containers = await resolver.ResolveAsync(
            new ContainerResolveRequest(
                request.ImageRef,
                request.BuildContainerRef,
                request.RootfsOverride is { } rootfs ? Disk.FilesystemTypeNames.ToName(rootfs) : null,
                request.TargetArch,
                ReadInitrdModules: request.Types.Kinds.Contains(ImageKind.Pxe),
                KeepRunning: generators.Any(g => g.NeedsRunningContainer)),
            cancellationToken);

        var manifests = new List<ImageManifest>(generators.Count);
        foreach (var generator in generators)
        {
            var types = request.Types.OfKind(generator.Kind);
            foreach (var warning in BlueprintSupportCheck.Check(request.Config, types.Names[0]))
            {
                warn(warning);
            }

            var random = RandomSourceSelection.Choose(
                Environment.GetEnvironmentVariable(RandomSourceSelection.SeedVariable), containers.Source.Arch, DistroName(containers.Source));
            if (random.TestModeNotice is { } notice && manifests.Count == 0)
            {
                warn(notice);
            }

            var source = random.TestModeNotice is null && request.ReuseSecret is { } secret
                ? new DerivedRandomSource(ManifestFingerprint.Of(generator.Kind, containers.Source, containers.Build, request.Config, secret))
                : random.Source;
            Log.Debug("generating the {Kind} manifest for {ImageRef} ({Arch})", generator.Kind, request.ImageRef, containers.Source.Arch);
            try
            {
                var generated = await generator.GenerateManifestAsync(new ImageKindInput(request, types, containers, source), cancellationToken);
                manifests.Add(new ImageManifest(generator.Kind, types, generated.Manifest)
                {
                    OsbuildEnvironment = generated.OsbuildEnvironment,
                    Resources = generated.Resources,
                });
            }
            catch
            {
                manifests.ForEach(m => m.Dispose());
                throw;
            }
        }

        return manifests;
    }

    private Func<ImageKind, IImageKindGenerator> GeneratorFor(ImageTypeSet types) => kind =>
        _kinds.TryGetValue(kind, out var generator)
            ? generator
            : throw new BibException($"image type \"{types.OfKind(kind).Names[0]}\" is not supported by this version yet");

    /// <summary>Upstream names the distro <c>bootc-&lt;ID&gt;-&lt;VERSION_ID&gt;</c>; it seeds the test-mode RNG.</summary>
    private static string DistroName(BootcInfo info) => $"bootc-{info.OsInfo.OsRelease.Id}-{info.OsInfo.OsRelease.VersionId}";
}
