using BootcImageBuilder.Containers;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Distro;
using BootcImageBuilder.FileSystem;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>
/// <c>anaconda-iso</c> and <c>iso</c>: upstream's legacy installer ISO. The installer is made of RPMs resolved against
/// the image's own dnf repositories (read from its running container), and the image itself is the payload.
/// </summary>
public sealed class LegacyInstallerIsoKind(Depsolver depsolver, DistroDefinitionLookup definitions, RhsmSecrets secrets) : IImageKindGenerator
{
    public ImageKind Kind => ImageKind.LegacyInstallerIso;

    public bool NeedsRunningContainer => true;

    public void Validate(ManifestRequest request) => InstallerTargetArch.Check(request);

    public async Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        var generated = await GenerateManifestAsync(input, cancellationToken);
        foreach (var resource in generated.Resources)
        {
            resource.Dispose();
        }

        return generated.Manifest;
    }

    public async Task<GeneratedManifest> GenerateManifestAsync(ImageKindInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var container = input.Containers.Running
            ?? throw new InvalidOperationException("the legacy installer ISO needs the image's container running");
        secrets.Install(container.Root);
        await InitDnfAsync(container, cancellationToken);

        var plan = LegacyIsoPlan.Create(input, definitions);
        var source = input.Containers.Source;
        var build = await DepsolveAsync(plan.BuildPackages, source, container, input.Request.RpmmdDirectory, cancellationToken);
        var anaconda = await DepsolveAsync(plan.AnacondaTreePackages, source, container, input.Request.RpmmdDirectory, cancellationToken);

        var manifest = plan.Manifest(build, anaconda, input.Request.UseLibrepo, input.Random);
        var keys = MtlsKeys.FromRepositories(build.Repositories.Concat(anaconda.Repositories), new ImageTree(container.Root));
        if (keys is null)
        {
            return new GeneratedManifest(manifest);
        }

        var directory = MtlsKeyDirectory.Create(keys);
        return new GeneratedManifest(manifest) { OsbuildEnvironment = directory.Environment, Resources = [directory] };
    }

    /// <summary>Upstream's <c>InitDNF</c>: the image must have dnf, and <c>dnf check</c> initialises subscription-manager.</summary>
    private static async Task InitDnfAsync(BootcContainer container, CancellationToken cancellationToken)
    {
        var found = await container.ExecAsync(["sh", "-c", "command -v dnf"], cancellationToken);
        if (!found.Succeeded)
        {
            throw new BibException("no dnf in container");
        }

        var checkedDnf = await container.ExecAsync(["dnf", "check", "--duplicates"], cancellationToken);
        if (!checkedDnf.Succeeded)
        {
            throw new BibException(
                $"initializing dnf in {container.ContainerId} container failed: {checkedDnf.ExitStatus}\noutput:\n{checkedDnf.Stdout}{checkedDnf.Stderr}");
        }
    }

    private async Task<DepsolveResult> DepsolveAsync(
        PackageSet packages, BootcInfo source, BootcContainer container, string cacheRoot, CancellationToken cancellationToken)
    {
        var osRelease = source.OsInfo.OsRelease;
        try
        {
            return await depsolver.DepsolveAsync(
                new DepsolveRequest(osRelease.PlatformId ?? string.Empty, osRelease.VersionId, source.Arch.Name, cacheRoot, container.Root, [packages]),
                cancellationToken);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot depsolve", e);
        }
    }
}
