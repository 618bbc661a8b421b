using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// Finds the solver: <c>$OSBUILD_DEPSOLVE_DNF</c>, osbuild's install locations, <c>osbuild-depsolve-dnf</c> on
/// PATH, and, when osbuild is not installed but Debian's python3-dnf is, the tool's own helper
/// (<c>depsolve/bib-depsolve-dnf.py</c> in the data directories) run by that Python.
/// </summary>
public sealed class SolverLocator
{
    public const string EnvironmentVariable = "OSBUILD_DEPSOLVE_DNF";
    public const string ProgramName = "osbuild-depsolve-dnf";
    public const string HelperDataPath = "depsolve/bib-depsolve-dnf.py";
    public const string DnfPython = "/usr/bin/python3";

    public static readonly IReadOnlyList<string> InstallLocations =
        ["/usr/libexec/osbuild-depsolve-dnf", "/usr/lib/osbuild/osbuild-depsolve-dnf"];

    private readonly IProcessRunner _processes;
    private readonly string? _override;
    private readonly IReadOnlyList<string> _installLocations;
    private readonly string? _searchPath;
    private readonly string? _helper;
    private readonly string _python;

    /// <param name="processes">Runs the Python probe for the helper.</param>
    /// <param name="overridePath">The <c>OSBUILD_DEPSOLVE_DNF</c> value; defaults to the environment's.</param>
    /// <param name="installLocations">Where osbuild installs its solver; defaults to <see cref="InstallLocations"/>.</param>
    /// <param name="searchPath">The PATH to search; defaults to the environment's.</param>
    /// <param name="helper">The helper script; defaults to the one in the data directories.</param>
    /// <param name="python">The Python that has dnf; defaults to <see cref="DnfPython"/>.</param>
    public SolverLocator(
        IProcessRunner processes,
        string? overridePath = null,
        IReadOnlyList<string>? installLocations = null,
        string? searchPath = null,
        string? helper = null,
        string? python = null)
    {
        _processes = processes;
        _override = overridePath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        _installLocations = installLocations ?? InstallLocations;
        _searchPath = searchPath;
        _helper = helper ?? DataDirectories.FindFile(HelperDataPath);
        _python = python ?? DnfPython;
    }

    /// <summary>The solver to run, or null when there is none.</summary>
    public async Task<SolverCommand?> FindAsync(CancellationToken cancellationToken)
    {
        var installed = new[] { _override }.Concat(_installLocations)
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
            ?? ExecutableLookup.Find(ProgramName, _searchPath);
        if (installed is not null)
        {
            return new SolverCommand(installed, []);
        }

        return _helper is not null && File.Exists(_helper) && await PythonHasDnfAsync(cancellationToken)
            ? new SolverCommand(_python, [_helper])
            : null;
    }

    private async Task<bool> PythonHasDnfAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_python))
        {
            return false;
        }

        try
        {
            return (await _processes.RunAsync(_python, ["-c", "import dnf"], cancellationToken)).Succeeded;
        }
        catch (BibException)
        {
            return false;
        }
    }
}
