using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Depsolve;

public sealed class SolverLocatorTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-locator-");
    private readonly ProcessRunner _processes = new();

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task The_environment_override_comes_first()
    {
        var solver = await Locator(overridePath: Touch("override"), installed: [Touch("libexec")], path: "bin").FindAsync(CancellationToken.None);

        Assert.Equal((Path.Join(_work.FullName, "override"), 0), (solver?.Program, solver?.Arguments.Count));
    }

    [Fact]
    public async Task Osbuilds_install_locations_come_before_path_in_order()
    {
        Touch("bin/osbuild-depsolve-dnf");

        var solver = await Locator(overridePath: Path.Join(_work.FullName, "unset"), installed: [Path.Join(_work.FullName, "absent"), Touch("lib")], path: "bin")
            .FindAsync(CancellationToken.None);

        Assert.Equal(Path.Join(_work.FullName, "lib"), solver?.Program);
    }

    [Fact]
    public async Task Path_is_searched_last_among_installed_solvers()
    {
        var onPath = Touch("bin/osbuild-depsolve-dnf");

        var solver = await Locator(overridePath: "", installed: [], path: "bin").FindAsync(CancellationToken.None);

        Assert.Equal(onPath, solver?.Program);
    }

    [Fact]
    public async Task Without_osbuild_the_helper_runs_with_the_python_that_has_dnf()
    {
        var helper = Touch("bib-depsolve-dnf.py");

        var solver = await Locator(overridePath: "", installed: [], path: "bin", helper: helper).FindAsync(CancellationToken.None);

        Assert.Equal(("/usr/bin/python3", helper), (solver?.Program, Assert.Single(solver!.Arguments)));
    }

    [Fact]
    public async Task The_shipped_helper_is_found_in_the_data_directories()
    {
        var solver = await Locator(overridePath: "", installed: [], path: "bin").FindAsync(CancellationToken.None);

        Assert.Equal(Path.Join(AppContext.BaseDirectory, "depsolve/bib-depsolve-dnf.py"), Assert.Single(solver!.Arguments));
    }

    [Fact]
    public async Task A_python_without_dnf_means_no_solver()
    {
        var solver = await Locator(overridePath: "", installed: [], path: "bin", helper: Touch("helper.py"), python: "/bin/false")
            .FindAsync(CancellationToken.None);

        Assert.Null(solver);
    }

    private SolverLocator Locator(string overridePath, IReadOnlyList<string> installed, string path, string? helper = null, string? python = null) =>
        new(_processes, overridePath, installed, Path.Join(_work.FullName, path), helper, python);

    private string Touch(string relativePath)
    {
        var path = Path.Join(_work.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }
}
