using BootcImageBuilder.Depsolve.Protocol;

namespace BootcImageBuilder.Depsolve;

/// <summary>Turns a <see cref="DepsolveRequest"/> into the solver's request, as upstream's depsolvednf writes it.</summary>
internal static class SolverRequestBuilder
{
    public static SolverRequest Build(DepsolveRequest request)
    {
        for (var index = 0; index < request.Chain.Count; index++)
        {
            if (request.Chain[index].Include.Count == 0)
            {
                throw new BibException($"packageSet {index} has empty Include list");
            }
        }

        return new SolverRequest
        {
            ModulePlatformId = request.ModulePlatformId,
            ReleaseVersion = request.ReleaseVersion,
            Arch = request.Arch,
            CacheDirectory = request.CacheDirectory,
            Arguments = new SolverArguments
            {
                Transactions = [.. request.Chain.Select(set => new SolverTransaction
                {
                    PackageSpecs = set.Include,
                    ExcludeSpecs = set.Exclude.Count > 0 ? set.Exclude : null,
                    InstallWeakDeps = set.InstallWeakDependencies,
                })],
                RootDirectory = request.RootDirectory,
                OptionalMetadata = OptionalMetadata(request.ModulePlatformId),
            },
        };
    }

    /// <summary>
    /// Filelists are fetched only for distributions whose packages may still depend on file paths: newer libdnf
    /// skips them by default, and EL10 and Fedora 40+ forbid such dependencies.
    /// </summary>
    public static IReadOnlyList<string>? OptionalMetadata(string modulePlatformId) =>
        modulePlatformId is "platform:f39" or "platform:el7" or "platform:el8" or "platform:el9" ? ["filelists"] : null;
}
