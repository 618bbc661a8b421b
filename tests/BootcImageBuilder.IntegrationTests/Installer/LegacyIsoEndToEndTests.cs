using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BootcImageBuilder.Cli.Tests;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild.Schema;

namespace BootcImageBuilder.IntegrationTests.Installer;

/// <summary>
/// <c>manifest --type anaconda-iso</c> end to end: real podman, real dnf against a local repository that holds every
/// package the installer asks for, the image's own repository configuration, and osbuild's schemas.
/// </summary>
[Collection(PodmanTestGroup.Name)]
public sealed class LegacyIsoEndToEndTests(InstallerRpmRepository repository) : IClassFixture<InstallerRpmRepository>, IDisposable
{
    private readonly DirectoryInfo _rpmmd = Directory.CreateTempSubdirectory("bib-rpmmd-");

    public void Dispose() => _rpmmd.Delete(recursive: true);

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_package_is_depsolved_from_the_images_repositories_into_the_sources_and_the_rpm_stages(bool useLibrepo)
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);

        var result = await BibProcess.RunAsync(
            ["manifest", "--type", "anaconda-iso", "--rpmmd", _rpmmd.FullName, $"--use-librepo={useLibrepo}", "--target-arch", "x86_64", repository.ImageRef]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        OsbuildSchema.AssertValid(result.Stdout);
        var manifest = JsonNode.Parse(result.Stdout)!.AsObject();
        Assert.Equal(
            ["build", "anaconda-tree", "efiboot-tree", "bootiso-tree", "bootiso"],
            manifest["pipelines"]!.AsArray().Select(p => (string)p!["name"]!));

        var checksums = repository.RpmFiles().ToDictionary(f => f.Key, f => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.Value))));
        Assert.Equal(repository.PackageNames.Order(StringComparer.Ordinal), checksums.Keys.Order(StringComparer.Ordinal));
        var sources = manifest["sources"]!;
        if (useLibrepo)
        {
            Assert.Null(sources["org.osbuild.curl"]);
            var librepo = sources["org.osbuild.librepo"]!;
            var items = librepo["items"]!.AsObject();
            Assert.Equal(checksums.Values.Order(StringComparer.Ordinal), items.Select(i => i.Key).Order(StringComparer.Ordinal));
            foreach (var (name, checksum) in checksums)
            {
                Assert.Equal($"noarch/{name}-1.0-1.noarch.rpm", (string)items[checksum]!["path"]!);
                var mirror = (string)items[checksum]!["mirror"]!;
                Assert.Equal("installer", mirror);
            }

            Assert.StartsWith($"file://{repository.Directory}", (string)librepo["options"]!["mirrors"]!["installer"]!["url"]!, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(sources["org.osbuild.librepo"]);
            var items = sources["org.osbuild.curl"]!["items"]!.AsObject();
            Assert.Equal(checksums.Values.Order(StringComparer.Ordinal), items.Select(i => i.Key).Order(StringComparer.Ordinal));
            foreach (var (name, path) in repository.RpmFiles())
            {
                Assert.Equal($"file://{path}", (string)items[checksums[name]]!["url"]!);
            }
        }

        // The anaconda tree installs exactly its own chain (nothing depends on anything here, weak deps are off).
        var treeNames = repository.TreePackageNames;
        Assert.Equal(treeNames.Select(n => checksums[n]).Order(StringComparer.Ordinal), RpmStageReferences(manifest, "anaconda-tree").Order(StringComparer.Ordinal));
        Assert.Equal(
            repository.BuildPackageNames.Select(n => checksums[n]).Order(StringComparer.Ordinal),
            RpmStageReferences(manifest, "build").Order(StringComparer.Ordinal));
        Assert.Contains("kernel", treeNames);
        Assert.Contains("anaconda", treeNames);
        Assert.Contains("grub2-efi-x64", treeNames);
        Assert.Empty(await PodmanProbe.ContainersOfAsync(repository.ImageRef));
    }

    [SkippableFact]
    public async Task The_iso_alias_builds_the_same_kind_with_the_users_kickstart_after_the_base_one()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        const string config = """{"customizations": {"installer": {"kickstart": {"contents": "text"}}}}""";

        var ok = await BibProcess.RunAsync(
            ["manifest", "--type", "iso", "--config", "-", "--rpmmd", _rpmmd.FullName, "--target-arch", "x86_64", repository.ImageRef], stdin: config);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var inline = JsonNode.Parse(ok.Stdout)!["sources"]!["org.osbuild.inline"]!["items"]!.AsObject();
        var kickstart = "%include /run/install/repo/osbuild-base.ks\ntext";
        Assert.Contains(inline, item => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)item.Value!["data"]!)).StartsWith(kickstart, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_iso_and_a_disk_in_one_call_give_two_manifests_built_one_after_the_other_into_one_output()
    {
        Skip.If(TestImages.MissingToolsReason is not null, TestImages.MissingToolsReason);
        var work = Directory.CreateTempSubdirectory("bib-iso-disk-");
        try
        {
            var (output, record, bin) = (Path.Join(work.FullName, "output"), Path.Join(work.FullName, "record"), Directory.CreateDirectory(Path.Join(work.FullName, "bin")).FullName);
            File.CreateSymbolicLink(Path.Join(bin, "osbuild"), Path.Join(AppContext.BaseDirectory, "Build", "fake-osbuild"));
            Dictionary<string, string?> environment = new()
            {
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
                ["FAKE_OSBUILD_RECORD_DIR"] = record,
                ["FAKE_OSBUILD_REPLAY"] = Path.Join(AppContext.BaseDirectory, "Build", "Recordings", "ppc64le-raw-gce.jsonseq"),
                ["FAKE_OSBUILD_ARTIFACTS"] = "qcow2=disk.qcow2,bootiso=install.iso",
            };

            var result = await BibProcess.RunAsync(
                ["build", "--type", "qcow2", "--type", "anaconda-iso", "--progress", "json", "--rpmmd", _rpmmd.FullName,
                 "--output", output, repository.ImageRef],
                environment: environment);

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(
                ["bootiso", "manifest-anaconda-iso.json", "manifest-qcow2.json", "qcow2"],
                Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            OsbuildSchema.AssertValid(File.ReadAllText(Path.Join(output, "manifest-qcow2.json")));
            OsbuildSchema.AssertValid(File.ReadAllText(Path.Join(output, "manifest-anaconda-iso.json")));
            var runs = File.ReadAllLines(Path.Join(record, "runs"));
            Assert.Equal(2, runs.Length);
            Assert.Contains(" - --export qcow2 --monitor", runs[0], StringComparison.Ordinal);
            Assert.Contains(" - --export bootiso --monitor", runs[1], StringComparison.Ordinal);
            var events = result.Stdout.TrimEnd('\n').Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(
                [("qcow2", Path.Join(output, "qcow2", "disk.qcow2")), ("anaconda-iso", Path.Join(output, "bootiso", "install.iso"))],
                events.Where(e => (string)e["type"]! == "result").Select(e => ((string)e["image_type"]!, (string)e["path"]!)));
            Assert.Equal(2, events.Count(e => (string)e["type"]! == "message" && ((string)e["message"]!).StartsWith("Building manifest-", StringComparison.Ordinal)));
            Assert.Empty(await PodmanProbe.ContainersOfAsync(repository.ImageRef));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> RpmStageReferences(JsonObject manifest, string pipeline)
    {
        var stage = manifest["pipelines"]!.AsArray().Single(p => (string)p!["name"]! == pipeline)!["stages"]!.AsArray()
            .Single(s => (string)s!["type"]! == "org.osbuild.rpm")!;
        return stage["inputs"]!["packages"]!["references"] switch
        {
            JsonArray array => array.Select(r => r is JsonObject o ? (string)o["id"]! : (string)r!),
            JsonObject map => map.Select(r => r.Key),
            var other => throw new InvalidOperationException($"unexpected references: {other}"),
        };
    }
}
