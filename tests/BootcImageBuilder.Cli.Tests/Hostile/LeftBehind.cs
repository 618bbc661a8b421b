using System.Diagnostics;

namespace BootcImageBuilder.Cli.Tests.Hostile;

/// <summary>
/// What a run may leave behind, checked in a way that holds while other tests use podman on the same machine:
/// containers of the given images, mounts of the given images, overlay mounts no container or image mount owns,
/// and files added to a directory.
/// </summary>
internal static class LeftBehind
{
    /// <summary>Fails when a container of <paramref name="imageIds"/> exists, one of them is mounted, or an overlay mount has no owner.</summary>
    public static Task AssertNothingAsync(IReadOnlyCollection<string> imageIds) => AssertNoLastingProblemAsync(() => FindProblemAsync(imageIds));

    /// <summary>Fails when an overlay mount has no owner (no container, image mount or buildah container holds it).</summary>
    public static Task AssertNoOrphanMountsAsync() => AssertNoLastingProblemAsync(async () => await FindOrphanMountsAsync(await PodmanAsync("image", "mount")));

    /// <summary>
    /// A private, empty <c>TMPDIR</c> for one run; <see cref="TemporaryDirectory.AssertEmptyAndDelete"/> fails when the
    /// run left a temporary file in it.
    /// </summary>
    public static TemporaryDirectory NewTemporaryDirectory() => new(Directory.CreateTempSubdirectory("bib-tmpdir-").FullName);

    /// <summary>Fails when <paramref name="directory"/> holds anything but <paramref name="expected"/> (names relative to it).</summary>
    public static void AssertOnlyFiles(string directory, params string[] expected)
    {
        var found = Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal).ToArray(), found);
    }

    private static async Task<string> FindProblemAsync(IReadOnlyCollection<string> imageIds)
    {
        foreach (var id in imageIds)
        {
            var containers = await PodmanAsync("ps", "-a", "--filter", $"ancestor={id}", "--format", "{{.ID}}");
            if (containers.Trim().Length > 0)
            {
                return $"containers of image {id} left behind: {containers.Trim()}";
            }
        }

        var imageMounts = await PodmanAsync("image", "mount");
        foreach (var id in imageIds)
        {
            if (imageMounts.Contains(id[..12], StringComparison.Ordinal))
            {
                return $"image {id} left mounted";
            }
        }

        return await FindOrphanMountsAsync(imageMounts);
    }

    private static async Task AssertNoLastingProblemAsync(Func<Task<string>> findProblem)
    {
        string problem = "";
        // Other tests start and remove containers meanwhile; only a problem that persists is a leak. A container's mount
        // can stay unlisted for several seconds while the end-to-end builds load the machine, so the window is 30 tries.
        for (var attempt = 0; attempt < 30; attempt++)
        {
            problem = await findProblem();
            if (problem.Length == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Fail(problem);
    }

    private static async Task<string> FindOrphanMountsAsync(string imageMounts)
    {
        var mounted = OverlayMounts();
        var owned = (await OwnedMountsAsync(imageMounts)).ToHashSet(StringComparer.Ordinal);
        var orphans = mounted.Where(m => !owned.Contains(m)).ToList();
        return orphans.Count == 0 ? "" : $"overlay mounts without an owner: {string.Join(", ", orphans)}";
    }

    private static List<string> OverlayMounts() =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point.StartsWith("/var/lib/containers/storage/overlay/", StringComparison.Ordinal) && point.EndsWith("/merged", StringComparison.Ordinal))
            .ToList();

    private static async Task<IEnumerable<string>> OwnedMountsAsync(string imageMounts)
    {
        var owned = new List<string>(imageMounts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
        var ids = (await PodmanAsync("ps", "-a", "--format", "{{.ID}}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0)
        {
            owned.AddRange((await PodmanAsync(["container", "inspect", "--format", "{{.GraphDriver.Data.MergedDir}}", .. ids]))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        // buildah's working containers (other tests build images) mount their roots too.
        owned.AddRange((await RunAsync("buildah", ["mount"])).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
        return owned;
    }

    private static Task<string> PodmanAsync(params string[] arguments) => RunAsync("podman", arguments);

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output;
    }
}

/// <summary>A run's private <c>TMPDIR</c>.</summary>
internal sealed class TemporaryDirectory(string path)
{
    public string Path { get; } = path;

    /// <summary>Fails when the run left anything in the directory; removes it either way.</summary>
    public void AssertEmptyAndDelete()
    {
        try
        {
            LeftBehind.AssertOnlyFiles(Path);
        }
        finally
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
