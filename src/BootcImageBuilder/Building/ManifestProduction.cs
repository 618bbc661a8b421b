using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Building;

/// <summary>
/// The manifests a host asks for, as <c>manifest</c> and the first step of <c>build</c> make them: the
/// <c>--target-arch</c> warning, the config file read, then the core's <see cref="ManifestGenerator"/>.
/// Warnings go to <paramref name="warn"/> as whole lines, in the order they arise.
/// </summary>
public sealed class ManifestProduction(Func<Action<string>, ManifestGenerator> createGenerator, BlueprintLoader configLoader, Action<string> warn)
{
    /// <summary>With podman, dnf and the config files of this machine.</summary>
    public static ManifestProduction Create(Action<string> warn) => new(
        w => ManifestGenerator.Create(new BootcInfoResolver(new Podman(new ProcessRunner())), w),
        new BlueprintLoader("/"),
        warn);

    /// <summary><c>manifest</c>: every manifest as compact JSON on <paramref name="output"/>, one after the other.</summary>
    public async Task WriteAsync(ManifestRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<ImageManifest> manifests;
        try
        {
            manifests = await GenerateAsync(request, progress: null, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot generate manifest", e);
        }

        foreach (var manifest in manifests)
        {
            using (manifest)
            {
                await output.WriteAsync(ManifestJson.ToCompactString(manifest.Manifest).AsMemory(), cancellationToken);
            }
        }
    }

    /// <summary>One manifest per requested kind of image; <paramref name="progress"/> learns when generation starts.</summary>
    public async Task<IReadOnlyList<ImageManifest>> GenerateAsync(
        ManifestRequest request, IProgressReporter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TargetArch is { } target && target != Arch.Current)
        {
            warn("WARNING: target-arch is experimental and needs an installed 'qemu-user' package");
        }

        BlueprintConfig config;
        try
        {
            config = await configLoader.LoadAsync(request.ConfigPath, cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot read config", e);
        }

        progress?.Pulse("Manifest generation step");
        progress?.Start();
        return await createGenerator(warn).GenerateAsync(request with { Config = config }, cancellationToken);
    }
}
