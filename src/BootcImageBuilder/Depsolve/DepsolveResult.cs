namespace BootcImageBuilder.Depsolve;

/// <summary>The packages of a resolved chain and the repositories they come from.</summary>
/// <param name="Solver">The solver's name, e.g. <c>dnf</c> or <c>dnf5</c>.</param>
/// <param name="Transactions">
/// One list per package set of the chain, holding only what that set adds to the ones before it (disjoint lists,
/// each sorted by name, epoch, version, release and arch), to be installed in this order.
/// </param>
/// <param name="Repositories">The repositories the packages come from, sorted by id.</param>
public sealed record DepsolveResult(
    string Solver,
    IReadOnlyList<IReadOnlyList<RpmPackage>> Transactions,
    IReadOnlyList<RepositoryConfig> Repositories)
{
    /// <summary>Every package of the chain, transaction by transaction.</summary>
    public IEnumerable<RpmPackage> Packages => Transactions.SelectMany(transaction => transaction);

    /// <summary>The repository <paramref name="package"/> comes from.</summary>
    public RepositoryConfig RepositoryOf(RpmPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Repositories.First(repository => repository.Id == package.RepoId);
    }
}
