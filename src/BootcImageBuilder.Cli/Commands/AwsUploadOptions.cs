using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

/// <summary>The flags of <c>upload aws</c>: image-builder's names, without build's <c>aws-</c> prefix.</summary>
internal sealed class AwsUploadOptions
{
    public Option<string> Region { get; } = new("--region") { Description = "target region for AWS uploads" };

    public Option<string> Bucket { get; } = new("--bucket") { Description = "target S3 bucket name for intermediate storage when creating the AMI" };

    public Option<string> AmiName { get; } = new("--ami-name") { Description = "name for the AMI in AWS" };

    public Option<string> TargetArch { get; } = new("--target-arch") { Description = "architecture of the image (default: this machine's)" };

    public Option<string> Progress { get; } = new("--progress")
    {
        Description = "type of progress bar to use (e.g. verbose,term,json)",
        DefaultValueFactory = _ => "auto",
    };

    public Argument<string[]> File { get; } = new("FILE") { Arity = ArgumentArity.ZeroOrMore, Description = "the raw disk image" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Region, Bucket, AmiName, TargetArch, Progress })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(File);
    }
}
