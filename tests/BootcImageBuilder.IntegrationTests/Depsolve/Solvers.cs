using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

/// <summary>The two solvers every request runs through: osbuild's and the tool's own helper.</summary>
internal static class Solvers
{
    public const string Osbuild = "osbuild";
    public const string Helper = "helper";

    public static TheoryData<string> Both => new() { Osbuild, Helper };

    public static Depsolver Create(string solver, DepsolveFixture fixture)
    {
        var processes = new ProcessRunner();
        var nowhere = Path.Join(fixture.RepositoryDirectory, "no-such-solver");
        return solver switch
        {
            Osbuild => new Depsolver(processes, new SolverLocator(processes, overridePath: fixture.OsbuildSolver)),
            Helper => new Depsolver(processes, new SolverLocator(processes, overridePath: nowhere, installLocations: [], searchPath: "")),
            _ => throw new ArgumentOutOfRangeException(nameof(solver), solver, null),
        };
    }

    /// <summary>A depsolver that runs a shell script as its solver.</summary>
    public static Depsolver Scripted(string script) =>
        new(new ProcessRunner(), new SolverLocator(new ProcessRunner(), overridePath: script, installLocations: [], searchPath: ""));
}
