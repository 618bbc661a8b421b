using System.Globalization;
using BootcImageBuilder.Processes;
using BootcImageBuilder.Randomness;
using Serilog;

namespace BootcImageBuilder.Containers;

/// <summary>
/// Finds out what the manifest needs to know about a bootc image that is already in local container storage:
/// checks the storage and the bootc label, runs the image once as <c>sleep infinity</c>, reads its mounted tree,
/// asks <c>bootc</c> inside it, and always stops and removes it again.
/// </summary>
public sealed class BootcInfoResolver
{
    private readonly IPodman _podman;
    private readonly string _storageRoot;
    private readonly IRandomSource _random;
    private readonly string _secretsDirectory;
    private readonly bool _alwaysAskBootc;

    /// <param name="podman">How podman is run.</param>
    /// <param name="storageRoot">The file system root under which <c>var/lib/containers/storage</c> is checked.</param>
    /// <param name="randomSource">Names the inspection containers; cryptographic by default.</param>
    /// <param name="secretsDirectory">Bind-mounted into the inspection container when it exists.</param>
    /// <param name="alwaysAskBootc">Ask <c>bootc install print-configuration</c> even when the configuration files answer (upstream's way; the two must agree).</param>
    public BootcInfoResolver(
        IPodman podman, string storageRoot = "/", IRandomSource? randomSource = null, string secretsDirectory = "/run/secrets", bool alwaysAskBootc = false)
    {
        ArgumentNullException.ThrowIfNull(podman);
        _podman = podman;
        _storageRoot = storageRoot;
        _random = randomSource ?? new CryptoRandomSource();
        _secretsDirectory = secretsDirectory;
        _alwaysAskBootc = alwaysAskBootc;
    }

    /// <summary>
    /// Everything one run needs, in upstream's order: storage, bootc label, the image's info (<c>--rootfs</c>
    /// applied), the build container's and the architecture checks. The image's files are read from the mounted
    /// image; a container is started only when something must run inside it (lsinitrd, the installer's dnf, or bootc
    /// when its configuration files cannot answer), at most one per run, and none is left behind.
    /// </summary>
    public async Task<ResolvedContainers> ResolveAsync(ContainerResolveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureContainerStorage();
        var facts = await EnsureBootcImageAsync(request.ImageRef, cancellationToken);
        if (!request.KeepRunning)
        {
            var source = await ResolveBootcInfoAsync(request.ImageRef, facts, request.ReadInitrdModules, cancellationToken);
            return await ResolveWithAsync(request, source, cancellationToken);
        }

        var container = await BootcContainer.StartAsync(_podman, request.ImageRef, facts, NewContainerName(), _secretsDirectory, cancellationToken);
        try
        {
            var source = await ReadBootcInfoAsync(request.ImageRef, facts, container, request.ReadInitrdModules, cancellationToken);
            return await ResolveWithAsync(request, source, cancellationToken) with { Running = container };
        }
        catch (Exception e)
        {
            await container.StopAfterFailureAsync(e);
            throw;
        }
    }

    private async Task<ResolvedContainers> ResolveWithAsync(ContainerResolveRequest request, BootcInfo source, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.RootFsOverride))
        {
            source = source with { DefaultRootFs = request.RootFsOverride };
        }

        EnsureComplete(source);

        var build = string.IsNullOrEmpty(request.BuildContainerRef) || request.BuildContainerRef == request.ImageRef
            ? source
            : await ResolveBuildContainerAsync(request.BuildContainerRef, cancellationToken);
        if (build.Arch != source.Arch)
        {
            throw new BibException(
                "failed to set build container for bootc distro: " +
                $"build container architecture \"{build.Arch}\" does not match base container \"{source.Arch}\"");
        }

        var targetArch = request.TargetArch ?? Arch.Current;
        if (targetArch != source.Arch)
        {
            throw new BibException($"requested bootc arch \"{targetArch}\" does not match available arches [{source.Arch}]");
        }

        return new ResolvedContainers(source, build);
    }

    /// <summary>Fails unless the host's container storage is reachable (the <c>-v /var/lib/containers/storage</c> mount).</summary>
    public void EnsureContainerStorage() => ContainerStorage.EnsureMounted(_storageRoot);

    /// <summary>
    /// One <c>podman image inspect</c> of <paramref name="imageRef"/>, which must be in local storage: bib never pulls.
    /// </summary>
    public async Task<ImageFacts> InspectImageAsync(string imageRef, CancellationToken cancellationToken)
    {
        ImageReference.Check(imageRef);
        var inspected = await _podman.RunAsync(["image", "inspect", "--format", ImageFacts.Format, "--", imageRef], cancellationToken);
        if (!inspected.Succeeded)
        {
            throw new BibException(
                $"failed to inspect the image: {inspected.ExitStatus}, stderr:\n{inspected.Stderr}\n" +
                "bootc-image-builder no longer pulls images, make sure to pull it before running bootc-image-builder:\n" +
                $"    sudo podman pull {imageRef}");
        }

        return ImageFacts.Parse(inspected.Stdout);
    }

    /// <summary>Fails unless <paramref name="imageRef"/> is in local storage and carries <c>containers.bootc=1</c>.</summary>
    public async Task<ImageFacts> EnsureBootcImageAsync(string imageRef, CancellationToken cancellationToken)
    {
        var facts = await InspectImageAsync(imageRef, cancellationToken);
        return facts.IsBootc ? facts : throw new BibException($"image {imageRef} is not a bootc image");
    }

    /// <summary>The full info of one image, from one container start. <c>DefaultRootFs</c> is null when the image sets none.</summary>
    public async Task<BootcInfo> ResolveBootcInfoAsync(string imageRef, bool readInitrdModules, CancellationToken cancellationToken) =>
        await ResolveBootcInfoAsync(imageRef, await InspectImageAsync(imageRef, cancellationToken), readInitrdModules, cancellationToken);

    /// <summary>
    /// A build container's identity, architecture and root tree facts. Its files are read from the mounted image:
    /// nothing inside it runs, so it is not started (upstream starts it and reads only its architecture).
    /// </summary>
    public async Task<BootcInfo> ResolveBuildContainerAsync(string imageRef, CancellationToken cancellationToken)
    {
        var facts = await InspectImageAsync(imageRef, cancellationToken);
        var arch = ParseArch(facts.Architecture, "failed to determine architecture of build container for bootc distro");
        var osInfo = await WithImageMountedAsync(imageRef, OsInfoReader.Load, $"build container {imageRef}", cancellationToken);
        return new BootcInfo(imageRef, facts.Id, arch, DefaultRootFs: null, facts.Size, osInfo);
    }

    /// <summary>Runs <paramref name="read"/> on the mounted image; its errors are wrapped in <paramref name="wrapContext"/> when given.</summary>
    private async Task<T> WithImageMountedAsync<T>(string imageRef, Func<string, T> read, string? wrapContext, CancellationToken cancellationToken)
    {
        ProcessResult mounted;
        try
        {
            mounted = await _podman.RunAsync(["image", "mount", "--", imageRef], cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // podman may have mounted the image before it was stopped.
            await _podman.RunCleanupAsync(["image", "unmount", "--", imageRef]);
            throw;
        }

        if (!mounted.Succeeded)
        {
            throw new BibException($"mounting {wrapContext ?? "image " + imageRef} failed: {mounted.ExitStatus}\nstderr:\n{mounted.Stderr}");
        }

        try
        {
            return read(mounted.Stdout.Trim());
        }
        catch (BibException e) when (wrapContext is not null)
        {
            throw BibException.Wrap($"cannot read {wrapContext}", e);
        }
        finally
        {
            // Not cancellable: a mount must not outlive the run.
            await _podman.RunCleanupAsync(["image", "unmount", "--", imageRef]);
        }
    }

    private async Task<BootcInfo> ResolveBootcInfoAsync(
        string imageRef, ImageFacts facts, bool readInitrdModules, CancellationToken cancellationToken)
    {
        if (!readInitrdModules)
        {
            return await ReadBootcInfoAsync(imageRef, facts, running: null, readInitrdModules: false, cancellationToken);
        }

        return await WithContainerAsync(
            imageRef, facts, container => ReadBootcInfoAsync(imageRef, facts, container, readInitrdModules: true, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The image's info from its files: those of <paramref name="running"/>'s tree, or of the mounted image when no
    /// container runs. bootc is asked for the root filesystem type only when its configuration files cannot answer.
    /// </summary>
    private async Task<BootcInfo> ReadBootcInfoAsync(
        string imageRef, ImageFacts facts, BootcContainer? running, bool readInitrdModules, CancellationToken cancellationToken)
    {
        // An unknown architecture fails only after the tree and bootc were read, as upstream orders its checks.
        var arch = TryParseArch(facts.Architecture);
        var (osInfo, installConfig) = running is null
            ? await WithImageMountedAsync(imageRef, root => ReadTree(root, arch), wrapContext: null, cancellationToken)
            : ReadTree(running.Root, arch);
        if (readInitrdModules && osInfo.Kernel is { } kernel && running is not null)
        {
            osInfo = osInfo with { InitrdModules = await running.ReadInitrdModulesAsync(kernel.Version, cancellationToken) };
        }

        string? defaultRootFs;
        if (installConfig.IsKnown && !_alwaysAskBootc)
        {
            Log.Debug("default root filesystem type from bootc/install files: {Type}", installConfig.RootFsType ?? "none");
            defaultRootFs = installConfig.RootFsType;
        }
        else
        {
            Log.Debug("asking bootc install print-configuration: {Reason}", installConfig.UnknownReason ?? "asked to");
            defaultRootFs = running is null
                ? await WithContainerAsync(imageRef, facts, container => container.ReadDefaultRootFsTypeAsync(cancellationToken), cancellationToken)
                : await running.ReadDefaultRootFsTypeAsync(cancellationToken);
        }

        return new BootcInfo(
            imageRef,
            facts.Id,
            arch ?? ParseArch(facts.Architecture, "failed to set bootc distro architecture"),
            defaultRootFs,
            facts.Size,
            osInfo);
    }

    private static (OsInfo OsInfo, InstallConfigAnswer InstallConfig) ReadTree(string root, Arch? arch) =>
        (OsInfoReader.Load(root), BootcInstallConfigFiles.Read(root, arch));

    private async Task<T> WithContainerAsync<T>(
        string imageRef, ImageFacts facts, Func<BootcContainer, Task<T>> inspect, CancellationToken cancellationToken)
    {
        var container = await BootcContainer.StartAsync(_podman, imageRef, facts, NewContainerName(), _secretsDirectory, cancellationToken);
        T result;
        try
        {
            result = await inspect(container);
        }
        catch (Exception e)
        {
            await container.StopAfterFailureAsync(e);
            throw;
        }

        await StopAsync(container);
        return result;
    }

    private static async Task StopAsync(BootcContainer container)
    {
        try
        {
            await container.StopAsync();
        }
        catch (BibException e)
        {
            throw new BibException($"stopping the container failed: {e.Message}", e);
        }
    }

    /// <summary>Upstream's check when it builds the bootc distro from the info.</summary>
    private static void EnsureComplete(BootcInfo info)
    {
        List<string> missing = [];
        if (info.DefaultRootFs is null)
        {
            missing.Add("DefaultRootFs");
        }

        if (info.Size == 0)
        {
            missing.Add("Size");
        }

        if (info.OsInfo.OsRelease.Id.Length == 0)
        {
            missing.Add("OSInfo.OSRelease.ID");
        }

        if (info.OsInfo.OsRelease.VersionId.Length == 0)
        {
            missing.Add("OSInfo.OSRelease.VersionID");
        }

        if (missing.Count > 0)
        {
            throw new BibException($"failed to initialize bootc distro: missing required info: {string.Join(", ", missing)}");
        }
    }

    private static Arch? TryParseArch(string podmanArch)
    {
        try
        {
            return Arch.Parse(podmanArch);
        }
        catch (BibException)
        {
            return null;
        }
    }

    private static Arch ParseArch(string podmanArch, string context)
    {
        try
        {
            return Arch.Parse(podmanArch);
        }
        catch (BibException e)
        {
            throw BibException.Wrap(context, e);
        }
    }

    private string NewContainerName()
    {
        Span<byte> bytes = stackalloc byte[6];
        _random.NextBytes(bytes);
        return "bib-inspect-" + Convert.ToHexStringLower(bytes);
    }
}
