using System.Diagnostics;
using BootcImageBuilder.Depsolve;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

/// <summary>The protocol and failure texts, against small shell scripts standing in for the solver.</summary>
public sealed class SolverProcessTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-solver-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task The_request_is_upstreams_api_v2_depsolve_request()
    {
        var captured = Path.Join(_work.FullName, "request.json");
        var solver = Script($"cat > '{captured}'\necho '{{\"solver\":\"dnf\",\"transactions\":[[],[]],\"repos\":{{}},\"modules\":{{}}}}'\n");

        var result = await Solvers.Scripted(solver).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "aarch64", "/rpmmd", "/run/root", [new(["a", "b"], ["c"]), new(["d"], [], true)]),
            CancellationToken.None);

        Assert.Equal(
            """{"api_version":2,"command":"depsolve","module_platform_id":"platform:el9","releasever":"9","arch":"aarch64","cache"""
            + """dir":"/rpmmd/platform:el9-9-aarch64","arguments":{"repos":[],"transactions":[{"package-specs":["a","b"],"exclude-"""
            + """specs":["c"],"install_weak_deps":false},{"package-specs":["d"],"install_weak_deps":true}],"root_dir":"<copy>","opt"""
            + """ional-metadata":["filelists"]}}""",
            WithoutCopiedRoot(await File.ReadAllTextAsync(captured)));
        Assert.Equal(("dnf", 2), (result.Solver, result.Transactions.Count));
    }

    [Fact]
    public async Task Newer_platforms_are_not_asked_for_filelists()
    {
        var captured = Path.Join(_work.FullName, "request.json");
        var solver = Script($"cat > '{captured}'\necho '{{\"solver\":\"dnf5\",\"transactions\":[[]],\"repos\":{{}}}}'\n");

        await Solvers.Scripted(solver).DepsolveAsync(
            new DepsolveRequest("platform:f42", "42", "x86_64", "/rpmmd", "/root", [new("a")]), CancellationToken.None);

        Assert.EndsWith("""
            "arguments":{"repos":[],"transactions":[{"package-specs":["a"],"install_weak_deps":false}],"root_dir":"<copy>"}}
            """, WithoutCopiedRoot(await File.ReadAllTextAsync(captured)));
    }

    [Fact]
    public async Task A_failure_without_output_is_an_internal_error_with_the_exit_status()
    {
        var error = await Assert.ThrowsAsync<DepsolveException>(() => RunAsync(Script("echo 'Traceback: boom' >&2\nexit 3\n")));

        Assert.Equal(
            "DNF error occurred: InternalError: osbuild-depsolve-dnf output was empty: running the depsolver failed: exit status 3", error.Message);
    }

    [Fact]
    public async Task A_failure_with_unreadable_output_quotes_it()
    {
        var error = await Assert.ThrowsAsync<DepsolveException>(() => RunAsync(Script("echo 'not json'\nexit 1\n")));

        Assert.StartsWith(
            "DNF error occurred: InternalError: Failed to unmarshal osbuild-depsolve-dnf error output \"not json\\n\": ", error.Message);
        Assert.EndsWith(": running the depsolver failed: exit status 1", error.Message);
    }

    [Fact]
    public async Task A_solver_error_is_reported_with_its_kind_and_reason()
    {
        var error = await Assert.ThrowsAsync<DepsolveException>(() => RunAsync(
            Script("echo '{\"kind\": \"RepoError\", \"reason\": \"repo '\\''x'\\'' is broken\"}'\nexit 1\n")));

        Assert.Equal(("RepoError", "repo 'x' is broken"), (error.Kind, error.Reason));
        Assert.Equal("DNF error occurred: RepoError: repo 'x' is broken", error.Message);
    }

    [Fact]
    public async Task Success_with_unreadable_output_is_a_decoding_error()
    {
        var error = await Assert.ThrowsAsync<BibException>(() => RunAsync(Script("echo '{\"transactions\": 5}'\n")));

        Assert.StartsWith("decoding depsolve result failed: ", error.Message);
    }

    [Fact]
    public async Task A_package_from_an_unlisted_repository_is_rejected()
    {
        var error = await Assert.ThrowsAsync<BibException>(() => RunAsync(Script("""
            echo '{"solver":"dnf","transactions":[[{"name":"a","epoch":0,"version":"1","release":"1","arch":"noarch","repo_id":"gone","location":"a.rpm"}]],"repos":{}}'

            """)));

        Assert.Equal("repo ID not found in repositories: gone", error.Message);
    }

    [Fact]
    public async Task No_solver_at_all_is_upstreams_undefined_command_error()
    {
        var processes = new ProcessRunner();
        var locator = new SolverLocator(
            processes, overridePath: "", installLocations: [], searchPath: "", helper: Path.Join(_work.FullName, "no-helper.py"));

        var error = await Assert.ThrowsAsync<DepsolveException>(() => new Depsolver(processes, locator).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "x86_64", "/rpmmd", "/root", [new("a")]), CancellationToken.None));

        Assert.Equal(
            "DNF error occurred: InternalError: osbuild-depsolve-dnf output was empty: osbuild-depsolve-dnf command undefined", error.Message);
    }

    [Fact]
    public async Task A_solver_that_cannot_be_started_is_reported()
    {
        var solver = Path.Join(_work.FullName, "not-executable");
        await File.WriteAllTextAsync(solver, "#!/bin/sh\n");

        var error = await Assert.ThrowsAsync<DepsolveException>(() => RunAsync(solver));

        Assert.StartsWith($"DNF error occurred: InternalError: osbuild-depsolve-dnf output was empty: starting {solver} failed: ", error.Message);
    }

    [Fact]
    public async Task An_empty_package_set_is_refused_before_running_the_solver()
    {
        var error = await Assert.ThrowsAsync<BibException>(() => Solvers.Scripted(Script("exit 1\n")).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "x86_64", "/rpmmd", "/root", [new("a"), new()]), CancellationToken.None));

        Assert.Equal("packageSet 1 has empty Include list", error.Message);
    }

    [Fact]
    public async Task Cancelling_kills_the_solver()
    {
        var started = Path.Join(_work.FullName, "started");
        var solver = Script($"touch '{started}'\nexec sleep 600\n");
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var run = RunAsync(solver, cancellation.Token);
        while (!File.Exists(started))
        {
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    private static Task<DepsolveResult> RunAsync(string solver, CancellationToken cancellationToken = default) =>
        Solvers.Scripted(solver).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "x86_64", "/rpmmd", "/root", [new("a")]), cancellationToken);

    /// <summary>
    /// The request with its root_dir, the private copy of the image's repository configuration, replaced by
    /// <c>&lt;copy&gt;</c>, after checking that the copy is a temporary directory that is gone once the call returned.
    /// </summary>
    private static string WithoutCopiedRoot(string request)
    {
        var root = (string)System.Text.Json.Nodes.JsonNode.Parse(request)!["arguments"]!["root_dir"]!;
        Assert.StartsWith(Path.Join(Path.GetTempPath(), "bib-repos-"), root, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root), $"{root} was left behind");
        return request.Replace(root, "<copy>", StringComparison.Ordinal);
    }

    private string Script(string body)
    {
        var path = Path.Join(_work.FullName, $"solver-{Guid.NewGuid():N}");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
