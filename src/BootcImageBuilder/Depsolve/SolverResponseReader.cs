using System.Text.Json;
using BootcImageBuilder.Depsolve.Protocol;

namespace BootcImageBuilder.Depsolve;

/// <summary>Reads a successful solver reply into a <see cref="DepsolveResult"/>, with upstream's texts for bad replies.</summary>
internal static class SolverResponseReader
{
    public static DepsolveResult Read(string stdout)
    {
        SolverResponse response;
        try
        {
            response = JsonSerializer.Deserialize(stdout, DepsolveJsonContext.Default.SolverResponse)
                ?? throw new JsonException("the result is null");
        }
        catch (JsonException e)
        {
            throw new BibException($"decoding depsolve result failed: {e.Message}", e);
        }

        var repositories = (response.Repositories ?? new Dictionary<string, RepositoryConfig>()).Values
            .OrderBy(repository => repository.Id, StringComparer.Ordinal)
            .ToList();
        var transactions = response.Transactions ?? [];
        foreach (var package in transactions.SelectMany(transaction => transaction))
        {
            if (!repositories.Any(repository => repository.Id == package.RepoId))
            {
                throw new BibException($"repo ID not found in repositories: {package.RepoId}");
            }

            if (package.Epoch < 0)
            {
                throw new BibException($"invalid negative epoch for package {package.Name}");
            }
        }

        return new DepsolveResult(response.Solver, transactions, repositories);
    }
}
