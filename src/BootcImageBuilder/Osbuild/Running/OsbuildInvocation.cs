namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// One osbuild run as upstream starts it:
/// <c>osbuild --store S --output-directory O --cache-max-size=21474836480 - --export E… [--in-vm image]</c>,
/// plus <c>--checkpoint P…</c> for the pipelines to keep in the store (upstream passes none), with the manifest on stdin and, for monitored runs, <c>--monitor=JSONSeqMonitor --monitor-fd=N</c>.
/// </summary>
public sealed record OsbuildInvocation(string StoreDirectory, string OutputDirectory, IReadOnlyList<string> Exports)
{
    /// <summary>20 GiB, upstream's cache limit.</summary>
    public const long CacheMaxSize = 21474836480;

    public bool InVm { get; init; }

    /// <summary>Pipelines whose trees osbuild keeps in the store, so that a later build with the same ids reuses them.</summary>
    public IReadOnlyList<string> Checkpoints { get; init; } = [];

    /// <summary>Extra environment for osbuild, e.g. <c>OSBUILD_EXPORT_FORCE_NO_PRESERVE_OWNER=1</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Arguments(int? monitorFd)
    {
        var args = new List<string>
        {
            "--store", StoreDirectory,
            "--output-directory", OutputDirectory,
            $"--cache-max-size={CacheMaxSize}",
            "-",
        };
        foreach (var export in Exports)
        {
            args.Add("--export");
            args.Add(export);
        }

        foreach (var checkpoint in Checkpoints)
        {
            args.Add("--checkpoint");
            args.Add(checkpoint);
        }

        if (InVm)
        {
            args.Add("--in-vm");
            args.Add("image");
        }

        if (monitorFd is { } fd)
        {
            args.Add("--monitor=JSONSeqMonitor");
            args.Add($"--monitor-fd={fd}");
        }

        return args;
    }
}
