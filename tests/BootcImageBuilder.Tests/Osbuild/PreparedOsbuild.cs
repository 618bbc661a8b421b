using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// The pinned osbuild that <c>../shared/tools/osbuild/prepare</c> unpacks (once per machine), for tests that let
/// osbuild itself judge a manifest.
/// </summary>
public static class PreparedOsbuild
{
    public const string MissingReason = "../shared/tools/osbuild is not present next to the repository";

    private static readonly ProcessRunner Runner = new();
    private static readonly Lazy<Task<string>> Directory = new(PrepareAsync);

    /// <summary>Runs <c>osbuild --inspect</c> on <paramref name="manifestJson"/> and returns its stdout; fails with osbuild's stderr.</summary>
    public static async Task<string> InspectAsync(string manifestJson)
    {
        var osbuild = Path.Join(await Directory.Value, "bin", "osbuild");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, manifestJson);
            var result = await Runner.RunAsync(osbuild, ["--inspect", file], CancellationToken.None);
            Assert.True(result.ExitCode == 0, $"osbuild --inspect refused the manifest ({result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
            return result.Stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> PrepareAsync()
    {
        var prepare = Path.Join(SharedReferenceFiles.SharedDirectory ?? throw new InvalidOperationException(MissingReason), "tools", "osbuild", "prepare");
        var result = await Runner.RunAsync(prepare, [], CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{prepare} failed ({result.ExitCode}):\n{result.Stderr}");
        }

        return result.Stdout.Trim();
    }
}
