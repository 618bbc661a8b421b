using System.CommandLine;
using BootcImageBuilder.Cli.Completion;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>The flags only <c>build</c> has, on top of <see cref="ManifestOptions"/>.</summary>
internal sealed class BuildOptions
{
    public ManifestOptions Manifest { get; } = new();

    public Option<string> AwsAmiName { get; } = new("--aws-ami-name")
    {
        Description = "name for the AMI in AWS (only for type=ami)",
    };

    public Option<string> AwsBucket { get; } = new("--aws-bucket")
    {
        Description = "target S3 bucket name for intermediate storage when creating AMI (only for type=ami)",
    };

    public Option<string> AwsRegion { get; } = new("--aws-region")
    {
        Description = "target region for AWS uploads (only for type=ami)",
    };

    public Option<string> GceProject { get; } = new("--gce-project")
    {
        Description = "Google Cloud project to create the image in (only for type=gce)",
    };

    public Option<string> GceBucket { get; } = new("--gce-bucket")
    {
        Description = "Cloud Storage bucket for intermediate storage when creating the GCE image (only for type=gce)",
    };

    public Option<string> GceImageName { get; } = new("--gce-image-name")
    {
        Description = "name for the image in Compute Engine (only for type=gce)",
    };

    public Option<string> Chown { get; } = new("--chown")
    {
        Description = "chown the output directory to match the specified UID:GID",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "artifact output directory",
        DefaultValueFactory = _ => ".",
    };

    public Option<string> Store { get; } = new("--store")
    {
        Description = "osbuild store for intermediate pipeline trees",
        DefaultValueFactory = _ => "/store",
    };

    public Option<string> Progress { get; } = new Option<string>("--progress")
    {
        Description = "type of progress bar to use (e.g. verbose,term,json)",
        DefaultValueFactory = _ => "auto",
    }.CompletingWith("auto", "term", "verbose", "debug", "json");

    public Option<string> Checkpoints { get; } = new Option<string>("--checkpoints")
    {
        Description = "keep pipeline trees in the store for faster rebuilds: auto (when the store outlives the build), always, never",
        DefaultValueFactory = _ => "auto",
    }.CompletingWith("auto", "always", "never");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Manifest.AddTo(command);
        foreach (var option in new Option[] { AwsAmiName, AwsBucket, AwsRegion, GceProject, GceBucket, GceImageName, Checkpoints, Chown, Output, Store, Progress })
        {
            command.Options.Add(option);
        }
    }
}
