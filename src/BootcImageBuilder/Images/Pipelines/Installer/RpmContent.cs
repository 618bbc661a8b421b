using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines.Installer;

/// <summary>
/// Depsolved packages in a manifest: one <c>org.osbuild.rpm</c> stage per transaction referencing the packages by
/// checksum, and the source that downloads them (<c>org.osbuild.librepo</c> or <c>org.osbuild.curl</c>).
/// </summary>
public static class RpmContent
{
    private const string RhsmSecrets = "org.osbuild.rhsm";
    private const string MtlsSecrets = "org.osbuild.mtls";

    /// <summary>The rpm stages of a resolved chain; <paramref name="excludeDocs"/> leaves documentation out.</summary>
    public static IReadOnlyList<Stage> Stages(DepsolveResult result, bool excludeDocs)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stages = new List<Stage>();
        foreach (var transaction in result.Transactions.Where(t => t.Count > 0))
        {
            var references = transaction.Select(p => new SourceFileReference(
                ChecksumOf(p),
                CheckGpg(result, p) ? new SourceFileOptions(new SourceFileMetadata(RpmCheckGpg: true)) : null));
            var keys = GpgKeys(result, transaction);
            stages.Add(Stage.Of(
                new RpmOptions(keys.Count == 0 ? null : keys, excludeDocs ? new RpmExclude(Docs: true) : null),
                inputs: [KeyValuePair.Create<string, StageInput>("packages", new SourceFilesInput(FilesInput.InputType, StageInput.SourceOrigin, [.. references]))]));
        }

        return stages;
    }

    /// <summary>The source fetching every package of <paramref name="results"/>.</summary>
    public static Source Source(IEnumerable<DepsolveResult> results, bool useLibrepo)
    {
        var packages = results.SelectMany(r => r.Packages.Select(p => (Result: r, Package: p))).ToList();
        return useLibrepo ? Librepo(packages) : Curl(packages);
    }

    /// <summary>The kernel version (<c>[epoch:]version-release.arch</c>) of package <paramref name="name"/> in <paramref name="result"/>.</summary>
    public static string KernelVersion(DepsolveResult result, string name = "kernel")
    {
        ArgumentNullException.ThrowIfNull(result);
        var kernel = result.Packages.FirstOrDefault(p => p.Name == name)
            ?? throw new BibException($"AnacondaInstaller: package \"{name}\" not found in transactions");
        return kernel.Epoch == 0 ? $"{kernel.Version}-{kernel.Release}.{kernel.Arch}" : $"{kernel.Epoch}:{kernel.Version}-{kernel.Release}.{kernel.Arch}";
    }

    private static string ChecksumOf(RpmPackage package) =>
        package.Checksum?.ToString() ?? throw new BibException($"package {package.Nevra} has no checksum");

    private static bool CheckGpg(DepsolveResult result, RpmPackage package) => result.RepositoryOf(package).GpgCheck == true;

    private static List<string> GpgKeys(DepsolveResult result, IReadOnlyList<RpmPackage> transaction)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var package in transaction.Where(p => CheckGpg(result, p)))
        {
            var repository = result.RepositoryOf(package);
            if (repository.GpgKeys.Count == 0)
            {
                throw new BibException($"package \"{package.Name}\" requires GPG check but repo \"{repository.Id}\" has no GPG keys configured");
            }

            keys.UnionWith(repository.GpgKeys);
        }

        return [.. keys];
    }

    private static UrlSecrets? SecretsOf(RepositoryConfig repository) =>
        repository.Rhsm ? new UrlSecrets(RhsmSecrets) : repository.UsesClientCertificate ? new UrlSecrets(MtlsSecrets) : null;

    private static bool Insecure(RepositoryConfig repository) => repository.SslVerify == false;

    private static CurlSource Curl(List<(DepsolveResult Result, RpmPackage Package)> packages)
    {
        var items = new Dictionary<string, CurlSourceItem>(StringComparer.Ordinal);
        foreach (var (result, package) in packages)
        {
            var repository = result.RepositoryOf(package);
            var url = (package.RemoteLocations.Count > 0 ? package.RemoteLocations[0] : null)
                ?? throw new BibException($"curl source: package \"{package.Name}\" has no remote locations");
            items[ChecksumOf(package)] = new CurlSourceItem(url, SecretsOf(repository), Insecure(repository));
        }

        return new CurlSource(OsbuildMap.From(items));
    }

    private static LibrepoSource Librepo(List<(DepsolveResult Result, RpmPackage Package)> packages)
    {
        var items = new Dictionary<string, LibrepoSourceItem>(StringComparer.Ordinal);
        var mirrors = new Dictionary<string, LibrepoMirror>(StringComparer.Ordinal);
        foreach (var (result, package) in packages)
        {
            var repository = result.RepositoryOf(package);
            if (!mirrors.ContainsKey(repository.Id))
            {
                mirrors[repository.Id] = MirrorOf(repository) with { Insecure = Insecure(repository), Secrets = SecretsOf(repository) };
            }

            items[ChecksumOf(package)] = new LibrepoSourceItem(package.Location, repository.Id);
        }

        return new LibrepoSource(OsbuildMap.From(items), new LibrepoSourceOptions(OsbuildMap.From(mirrors)));
    }

    private static LibrepoMirror MirrorOf(RepositoryConfig repository) =>
        !string.IsNullOrEmpty(repository.Metalink) ? new LibrepoMirror(repository.Metalink, "metalink")
        : !string.IsNullOrEmpty(repository.MirrorList) ? new LibrepoMirror(repository.MirrorList, "mirrorlist")
        : repository.BaseUrls.Count > 0 ? new LibrepoMirror(repository.BaseUrls[0], "baseurl")
        : throw new BibException($"cannot find metalink, mirrorlist or baseurl for repository {repository.Id}");
}
