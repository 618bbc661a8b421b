using System.Diagnostics;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Containers;

[Collection(PodmanTestGroup.Name)]
public sealed class BootcInfoResolverCancellationTests
{
    private static BootcInfoResolver NewResolver() => new(new Podman(new ProcessRunner()));

    [SkippableFact]
    public async Task Cancelling_while_bootc_runs_stops_and_removes_the_container_promptly()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageRef = await TestImages.EnsureBuiltAsync(TestImages.SlowBootc);
        var before = await PodmanProbe.ContainersOfAsync(imageRef);
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var resolving = NewResolver().ResolveAsync(new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64), cancellation.Token);
        await WaitUntilBootcRunsAsync(imageRef, resolving);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving);
        Assert.Empty(before);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
        // The stub bootc sleeps for 600 s: finishing well before shows the exec was killed, not waited for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public async Task An_already_cancelled_run_starts_nothing()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageRef = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewResolver().ResolveAsync(
            new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64), new CancellationToken(canceled: true)));

        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task Cancelling_while_podman_run_starts_the_container_leaves_nothing_behind()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        // No bootc/install files: bootc must be asked, in a container.
        var imageRef = await TestImages.EnsureBuiltAsync(TestImages.Fedora42("amd64"));
        using var podman = new CancellingPodman(cancelOn: "run");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BootcInfoResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, RootFsOverride: "xfs", TargetArch: Arch.X86_64), podman.Token));

        Assert.Empty(await PodmanProbe.ContainersOfAsync(imageRef));
    }

    [SkippableFact]
    public async Task Cancelling_while_podman_mounts_the_image_leaves_it_unmounted()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageRef = await TestImages.EnsureBuiltAsync(TestImages.CentOsStream9("amd64"));
        using var podman = new CancellingPodman(cancelOn: "image mount");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new BootcInfoResolver(podman).ResolveAsync(
            new ContainerResolveRequest(imageRef, TargetArch: Arch.X86_64), podman.Token));

        Assert.Contains(["image", "unmount", "--", imageRef], podman.Calls);
        var mounted = await new ProcessRunner().RunAsync("podman", ["image", "mount"], CancellationToken.None);
        Assert.DoesNotContain(imageRef, mounted.Stdout, StringComparison.Ordinal);
    }

    private static async Task WaitUntilBootcRunsAsync(string imageRef, Task resolving)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !resolving.IsCompleted)
        {
            foreach (var id in await PodmanProbe.ContainersOfAsync(imageRef))
            {
                var probe = await new ProcessRunner().RunAsync("podman", ["exec", id, "test", "-e", "/tmp/bootc-started"], CancellationToken.None);
                if (probe.Succeeded)
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"bootc never started (resolution finished: {resolving.IsCompleted}, {resolving.Exception?.Message})");
    }

    /// <summary>Real podman that fires its token shortly after the given subcommand (one or two words) has been launched.</summary>
    private sealed class CancellingPodman(string cancelOn) : IPodman, IDisposable
    {
        private readonly Podman _podman = new(new ProcessRunner());
        private readonly CancellationTokenSource _source = new();

        public CancellationToken Token => _source.Token;

        public List<IReadOnlyList<string>> Calls { get; } = [];

        public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add(arguments);
            }

            var running = _podman.RunAsync(arguments, cancellationToken);
            if (arguments[0] == cancelOn || string.Join(' ', arguments.Take(2)) == cancelOn)
            {
                _source.CancelAfter(TimeSpan.FromMilliseconds(20));
            }

            return running;
        }

        public void Dispose() => _source.Dispose();
    }
}
