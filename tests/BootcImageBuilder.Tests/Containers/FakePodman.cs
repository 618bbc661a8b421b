using BootcImageBuilder.Containers;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.Tests.Containers;

/// <summary>Answers podman calls from a script (first matching subcommand wins) and records them.</summary>
internal sealed class FakePodman : IPodman
{
    public const string ContainerId = "c0ffee";
    public const string ImageId = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";

    private readonly Dictionary<string, ProcessResult> _answers;

    /// <param name="root">What <c>podman mount</c> answers.</param>
    public FakePodman(string root)
    {
        _answers = new(StringComparer.Ordinal)
        {
            [ImageInspect] = Ok(Facts("amd64", "2127169", "map[containers.bootc:1 io.buildah.version:1.28.2]")),
            ["run"] = Ok(ContainerId + "\n"),
            ["mount"] = Ok(root + "\n"),
            ["image mount"] = Ok(root + "\n"),
            ["image unmount"] = Ok(""),
            ["exec bootc"] = Ok("""{"filesystem":{"root":{"type":"ext4"}}}"""),
            ["exec lsinitrd"] = Ok("ostree\nlivenet\n"),
            ["rm"] = Ok(""),
        };
    }

    /// <summary>The key of the one image inspection the resolver makes.</summary>
    public const string ImageInspect = "image inspect " + ImageFacts.Format;

    public List<IReadOnlyList<string>> Calls { get; } = [];

    /// <summary>Subcommand keys that throw <see cref="OperationCanceledException"/> when called.</summary>
    public HashSet<string> CancelOn { get; } = [];

    public static ProcessResult Ok(string stdout) => new(0, stdout, "");

    /// <summary>What <c>podman image inspect --format</c> <see cref="ImageFacts.Format"/> prints.</summary>
    public static string Facts(string arch, string size, string labels) => $"{ImageId}|{arch}|{size}|{labels}\n";

    public static ProcessResult Fail(int exitCode, string stderr) => new(exitCode, "", stderr);

    public FakePodman Answer(string key, ProcessResult result)
    {
        _answers[key] = result;
        return this;
    }

    public IEnumerable<string> Subcommands => Calls.Select(KeyOf);

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        Calls.Add(arguments);
        var key = KeyOf(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        if (CancelOn.Contains(key))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        return Task.FromResult(_answers[key]);
    }

    private static string KeyOf(IReadOnlyList<string> arguments) => arguments switch
    {
        ["image", "inspect", "--format", var format, "--", _] => $"image inspect {format}",
        ["image", var subcommand, "--", _] => $"image {subcommand}",
        ["inspect", "-f", var format, _] => $"inspect {format}",
        ["exec", _, var program, ..] => $"exec {program}",
        [var subcommand, ..] => subcommand,
        _ => "",
    };
}
