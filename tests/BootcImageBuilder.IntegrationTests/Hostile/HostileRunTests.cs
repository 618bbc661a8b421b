using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.Cli.Tests.Hostile;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>
/// Hostile images, layouts and references through the built tool on real podman: each run ends in the expected
/// error (or a valid manifest made from the image alone), and leaves no container, mount or file behind.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public class HostileRunTests
{
    private static readonly HostileImage Plain = new("plain", "true");

    [SkippableTheory]
    [MemberData(nameof(HostileImageCases.All), MemberType = typeof(HostileImageCases))]
    public async Task A_hostile_image_never_reaches_the_host(HostileImage image, string? expectedPrefix)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        ArgumentNullException.ThrowIfNull(image);
        HostBait.Write();
        var imageId = await image.EnsureBuiltAsync();

        var result = await RunInEmptyDirectoryAsync(image.ManifestArgs);

        if (expectedPrefix is null)
        {
            Assert.True(result.ExitCode == 0, result.Stderr);
            OsbuildSchema.AssertValid(result.Stdout);
        }
        else
        {
            Assert.StartsWith(expectedPrefix, result.ErrorMessage(), StringComparison.Ordinal);
        }

        Assert.Empty(HostBait.FoundIn(result.Stdout + result.Stderr));

        await LeftBehind.AssertNothingAsync([imageId]);
    }

    [SkippableTheory]
    [MemberData(nameof(HostileLayoutCases.All), MemberType = typeof(HostileLayoutCases))]
    public async Task A_hostile_layout_is_refused(string name, string config, string expected)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        Assert.NotEmpty(name);
        var imageId = await Plain.EnsureBuiltAsync();

        var result = await RunInEmptyDirectoryAsync(["manifest", "--config", "c.json", Plain.Ref], ("c.json", config));

        Assert.Equal("cannot generate manifest: " + expected, result.ErrorMessage());
        Assert.Empty(result.Stdout);
        await LeftBehind.AssertNothingAsync([imageId]);
    }

    public static TheoryData<string[], string> References => new()
    {
        { ["manifest", "--", "-h"], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "--", "--help"], "unknown flag: --help" },
        { ["manifest", "--", "--config=/etc/passwd"], "unknown flag: --config" },
        { ["manifest", "--", "-"], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", ""], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "localhost/a b"], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "localhost/a\nb"], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "localhost/" + new string('a', 5000)], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "--build-container", "-h", "localhost/bib-hostile-plain:latest"], "cannot generate manifest: " + ReferenceRule },
        { ["manifest", "--build-container", "--rm", "localhost/bib-hostile-plain:latest"], "cannot generate manifest: " + ReferenceRule },
        { ["build", "--output", "", "localhost/bib-hostile-plain:latest"], "cannot setup build dir: --output must name a directory (an empty name or control characters are refused)" },
        { ["build", "--store", "", "localhost/bib-hostile-plain:latest"], "cannot setup build dir: --store must name a directory (an empty name or control characters are refused)" },
        { ["build", "--output", "out\n", "localhost/bib-hostile-plain:latest"], "cannot setup build dir: --output must name a directory (an empty name or control characters are refused)" },
    };

    private const string ReferenceRule =
        "invalid image reference: it must be 1 to 4096 characters, must not start with '-' and must not contain whitespace or control characters";

    [SkippableTheory]
    [MemberData(nameof(References))]
    public async Task A_reference_podman_would_read_as_a_flag_never_reaches_it(string[] args, string expected)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageId = await Plain.EnsureBuiltAsync();

        var result = await RunInEmptyDirectoryAsync(args);

        Assert.Equal(expected, HostileRun.SingleCleanError(result));
        Assert.DoesNotContain("Usage:", result.Stderr, StringComparison.Ordinal);
        await LeftBehind.AssertNothingAsync([imageId]);
    }

    [SkippableFact]
    public async Task A_uid_above_2_to_the_31_reaches_the_users_stage_whole()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var imageId = await Plain.EnsureBuiltAsync();

        var result = await RunInEmptyDirectoryAsync(
            ["manifest", "--config", "c.json", Plain.Ref],
            ("c.json", """{"customizations": {"user": [{"name": "big", "uid": 3000000000, "gid": 4294967294}]}}"""));

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var users = JsonNode.Parse(result.Stdout)!["pipelines"]!.AsArray()
            .SelectMany(p => p!["stages"]!.AsArray()).Single(s => (string)s!["type"]! == "org.osbuild.users")!;
        Assert.Equal(3000000000L, (long)users["options"]!["users"]!["big"]!["uid"]!);
        await LeftBehind.AssertNothingAsync([imageId]);
    }

    private static async Task<BibResult> RunInEmptyDirectoryAsync(IReadOnlyList<string> args, params (string Name, string Text)[] files)
    {
        var work = Directory.CreateTempSubdirectory("bib-hostile-");
        try
        {
            foreach (var (name, text) in files)
            {
                await File.WriteAllTextAsync(Path.Join(work.FullName, name), text);
            }

            var result = await HostileRun.RunAsync(args, work.FullName);
            LeftBehind.AssertOnlyFiles(work.FullName, [.. files.Select(f => f.Name)]);
            return result;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
