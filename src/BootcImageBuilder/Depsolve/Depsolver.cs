using System.Text.Json;
using BootcImageBuilder.Depsolve.Protocol;
using BootcImageBuilder.FileSystem;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// Resolves package-set chains with <c>osbuild-depsolve-dnf</c> (or the tool's own helper, see
/// <see cref="SolverLocator"/>): one solver run per chain, a JSON request on stdin and the result on stdout. The solver
/// never sees the mounted image: its root is a <see cref="ResolvedRepositoryRoot"/>, and the repositories it reports
/// name their key and certificate files by their paths inside the image.
/// </summary>
public sealed class Depsolver(IProcessRunner processes, SolverLocator locator)
{
    /// <summary>The most the solver may print: its answer lists every package with its files.</summary>
    public const long MaxOutputBytes = 512L * 1024 * 1024;

    public Depsolver(IProcessRunner processes)
        : this(processes, new SolverLocator(processes))
    {
    }

    /// <summary>Resolves <paramref name="request"/>'s chain against the repositories of its root directory.</summary>
    /// <exception cref="DepsolveException">The solver is missing, failed, or printed something unreadable.</exception>
    /// <exception cref="BibException">A package set of the chain is empty.</exception>
    public async Task<DepsolveResult> DepsolveAsync(DepsolveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SolverRequestBuilder.Build(request);
        var solver = await locator.FindAsync(cancellationToken)
            ?? throw DepsolveException.EmptyOutput($"{SolverLocator.ProgramName} command undefined");

        using var repositories = await ResolvedRepositoryRoot.CreateAsync(
            request.RootDirectory, DnfVariables.FromRequest(request.Arch, request.ReleaseVersion), cancellationToken);
        var solverRequest = SolverRequestBuilder.Build(request with { RootDirectory = repositories.Path });
        ProcessResult result;
        // The solver's temporary files go to a directory of ours, removed even when a signal killed the solver before
        // it could clean up after itself.
        var temporary = TemporaryDirectory.Create("bib-solver-", "the solver's temporary files");
        try
        {
            var input = JsonSerializer.Serialize(solverRequest, DepsolveJsonContext.Default.SolverRequest);
            result = await processes.RunWithInputAsync(
                solver.Program, solver.Arguments, input, cancellationToken, MaxOutputBytes, new Dictionary<string, string> { ["TMPDIR"] = temporary });
        }
        catch (BibException e) when (e is not ProcessOutputLimitException)
        {
            throw DepsolveException.EmptyOutput($"starting {solver.Program} failed: {e.Message}");
        }
        finally
        {
            TemporaryDirectory.Remove(temporary);
        }

        if (result.Stderr.Length > 0)
        {
            Serilog.Log.Debug("{Solver} stderr: {Stderr}", solver, result.Stderr.TrimEnd());
        }

        if (!result.Succeeded)
        {
            throw SolverFailure(result, solverRequest.Arguments.Repositories, repositories);
        }

        var resolved = SolverResponseReader.Read(result.Stdout);
        return resolved with { Repositories = [.. resolved.Repositories.Select(repositories.InImage)] };
    }

    private static DepsolveException SolverFailure(
        ProcessResult result, IEnumerable<RepositoryConfig> requestRepositories, ResolvedRepositoryRoot repositories)
    {
        var cause = $"running the depsolver failed: {result.ExitStatus}";
        if (string.IsNullOrEmpty(result.Stdout))
        {
            return DepsolveException.EmptyOutput(cause);
        }

        try
        {
            var error = JsonSerializer.Deserialize(result.Stdout, DepsolveJsonContext.Default.SolverError)
                ?? throw new JsonException("the error is null");
            return new DepsolveException(
                error.Kind, DepsolveException.AnnotateRepositories(repositories.InImageText(error.Reason), requestRepositories));
        }
        catch (JsonException e)
        {
            return new DepsolveException(
                "InternalError",
                $"Failed to unmarshal osbuild-depsolve-dnf error output {GoQuote(result.Stdout)}: {e.Message}",
                cause);
        }
    }

    // Go's %q of the output: a double-quoted string with escapes.
    private static string GoQuote(string text) => JsonSerializer.Serialize(text, DepsolveJsonContext.Default.String);
}
