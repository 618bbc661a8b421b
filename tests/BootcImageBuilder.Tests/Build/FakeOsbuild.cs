using BootcImageBuilder.Osbuild.Running;

namespace BootcImageBuilder.Tests.Build;

/// <summary>The test stand-in for osbuild (Build/fake-osbuild), configured through its environment.</summary>
internal sealed class FakeOsbuild : IDisposable
{
    public FakeOsbuild()
    {
        RecordDirectory = Directory.CreateTempSubdirectory("fake-osbuild-").FullName;
        Set("FAKE_OSBUILD_RECORD_DIR", RecordDirectory);
    }

    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "Build", "fake-osbuild");

    public string RecordDirectory { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static OsbuildRunner Runner => new(ExecutablePath);

    public IReadOnlyList<string> RecordedArguments => File.ReadAllLines(Path.Combine(RecordDirectory, "args"));

    public string RecordedStdin => File.ReadAllText(Path.Combine(RecordDirectory, "stdin.json"));

    public string RecordedEnvironment => File.ReadAllText(Path.Combine(RecordDirectory, "env"));

    public bool WasInterrupted => File.Exists(Path.Combine(RecordDirectory, "interrupted"));

    public bool IsSleeping => File.Exists(Path.Combine(RecordDirectory, "sleeping"));

    public FakeOsbuild Set(string name, string value)
    {
        Environment[name] = value;
        return this;
    }

    public FakeOsbuild Replaying(string recording) => Set("FAKE_OSBUILD_REPLAY", Recordings.PathOf(recording));

    /// <summary>An invocation carrying the fake's settings in its environment, as osbuild's own would be.</summary>
    public OsbuildInvocation Invocation(string store, string output, params string[] exports) =>
        new(store, output, exports) { Environment = Environment };

    public void Dispose() => Directory.Delete(RecordDirectory, recursive: true);
}
