namespace BootcImageBuilder.Depsolve;

/// <summary>
/// One depsolve of a package-set chain against the repositories of a mounted container: each set is a
/// transaction resolved on top of the ones before it.
/// </summary>
/// <param name="ModulePlatformId">The container's <c>PLATFORM_ID</c>, e.g. <c>platform:el9</c>.</param>
/// <param name="ReleaseVersion">The container's <c>VERSION_ID</c>, dnf's <c>$releasever</c>.</param>
/// <param name="Arch">The RPM architecture, e.g. <c>x86_64</c>.</param>
/// <param name="CacheRoot">The metadata cache root (<c>--rpmmd</c>).</param>
/// <param name="RootDirectory">The mounted container root, whose <c>/etc/yum.repos.d</c>, GPG keys and dnf vars are used.</param>
/// <param name="Chain">The package sets, in installation order.</param>
public sealed record DepsolveRequest(
    string ModulePlatformId,
    string ReleaseVersion,
    string Arch,
    string CacheRoot,
    string RootDirectory,
    IReadOnlyList<PackageSet> Chain)
{
    /// <summary>
    /// <c>&lt;cache root&gt;/&lt;platform&gt;-&lt;releasever&gt;-&lt;arch&gt;</c>, e.g. <c>/rpmmd/platform:el9-9-x86_64</c>;
    /// as upstream, only the last path element of that name counts.
    /// </summary>
    public string CacheDirectory => Path.Join(CacheRoot, Path.GetFileName($"{ModulePlatformId}-{ReleaseVersion}-{Arch}".TrimEnd('/')));
}
