namespace BootcImageBuilder.Cli.Settings;

/// <summary>Everything <c>build</c> needs on top of <see cref="ManifestSettings"/>, validated.</summary>
internal sealed record BuildSettings
{
    public required ManifestSettings Manifest { get; init; }

    public required string OutputDirectory { get; init; }

    public required string StoreDirectory { get; init; }

    /// <summary>Whether <c>--store</c> was given, rather than its default.</summary>
    public bool StoreChosen { get; init; }

    public required ProgressMode Progress { get; init; }

    public CheckpointMode Checkpoints { get; init; }

    public ChownSpec? Chown { get; init; }

    public AwsUploadSettings? Aws { get; init; }

    public GceUploadSettings? Gce { get; init; }

    /// <summary>The uploads the flags ask for, in the order they are checked and run.</summary>
    public IReadOnlyList<IUploadSettings> Uploads => new IUploadSettings?[] { Aws, Gce }.OfType<IUploadSettings>().ToList();
}
