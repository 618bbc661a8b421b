namespace BootcImageBuilder.Depsolve;

/// <summary>One link of a depsolve chain: what to install on top of the links before it.</summary>
/// <param name="Include">Package specs to install (names, globs, provides).</param>
/// <param name="Exclude">Package specs that may not be installed.</param>
/// <param name="InstallWeakDependencies">Whether weak dependencies (<c>Recommends</c>, <c>Supplements</c>) are installed too.</param>
public sealed record PackageSet(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, bool InstallWeakDependencies = false)
{
    public PackageSet(params string[] include)
        : this(include, [])
    {
    }
}
