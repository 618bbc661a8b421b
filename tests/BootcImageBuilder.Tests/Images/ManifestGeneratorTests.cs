using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Images.Kinds.Pxe;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Containers;

namespace BootcImageBuilder.Tests.Images;

/// <summary>The core's one entry point: one inspection, then one manifest per requested kind.</summary>
public sealed class ManifestGeneratorTests : IDisposable
{
    private const string ImageRef = "quay.io/example/bootc:latest";

    private readonly TempTree _tree = new TempTree()
        .File("usr/lib/os-release", "ID=centos\nVERSION_ID=9\nNAME=\"CentOS Stream\"\n")
        .File("etc/selinux/config", "SELINUXTYPE=targeted\n")
        .File("usr/lib/modules/5.14.0/vmlinuz", "");

    private readonly FakePodman _podman;
    private readonly List<string> _warnings = [];
    private readonly string _stores = Directory.CreateTempSubdirectory("bib-stores-").FullName;
    private readonly StoreSecret _secret;

    public ManifestGeneratorTests()
    {
        _podman = new FakePodman(_tree.Root);
        Directory.CreateDirectory(Path.Join(_tree.Root, "var/lib/containers/storage/overlay"));
        _secret = Store("store");
    }

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_stores, recursive: true);
    }

    private StoreSecret Store(string name) => StoreSecret.LoadOrCreate(Path.Join(_stores, name));

    private ManifestGenerator Generator(params IImageKindGenerator[] kinds) => new(
        new BootcInfoResolver(_podman, _tree.Root, new SeededRandomSource(1), secretsDirectory: "/nonexistent"),
        kinds.Length == 0 ? [new DiskImageKind()] : kinds,
        _warnings.Add);

    private static ManifestRequest Request(params string[] types) =>
        new(ImageRef, ImageTypeSet.Parse(types)) { TargetArch = Arch.X86_64 };

    [Fact]
    public async Task Disk_types_share_one_manifest_that_exports_each_and_names_each_artifact()
    {
        var manifests = await Generator().GenerateAsync(Request("qcow2", "ami", "raw"), CancellationToken.None);

        var disk = Assert.Single(manifests);
        Assert.Equal(ImageKind.Disk, disk.Kind);
        Assert.Equal("manifest-qcow2-ami-raw.json", disk.FileName);
        Assert.Equal(["qcow2", "image"], disk.Exports);
        Assert.Equal([("qcow2", "qcow2/disk.qcow2"), ("ami", "image/disk.raw"), ("raw", "image/disk.raw")], disk.Artifacts);
        Assert.Contains(disk.Manifest.Pipelines, p => p.Name == "qcow2");
    }

    private async Task<string> ImagePipelineAsync(ManifestRequest request)
    {
        var manifest = Assert.Single(await Generator().GenerateAsync(request, CancellationToken.None)).Manifest;
        return ManifestJson.Serialize(manifest.Pipelines.Single(p => p.Name == "image"), JsonLayout.Compact);
    }

    private static BlueprintConfig WithUser(string name) => new()
    {
        Customizations = new Customizations { User = [new UserCustomization { Name = name, Password = "plain-pw" }] },
    };

    [Fact]
    public async Task Repeatable_ids_give_the_same_disk_for_the_same_image_and_config_whatever_the_type()
    {
        var qcow2 = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = _secret });
        var again = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = _secret });
        var vmdk = await ImagePipelineAsync(Request("vmdk") with { Config = WithUser("alice"), ReuseSecret = _secret });

        Assert.Equal(qcow2, again);
        Assert.Equal(qcow2, vmdk);
        Assert.DoesNotContain("plain-pw", qcow2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeatable_ids_change_with_the_config_and_fresh_ids_change_every_time()
    {
        var alice = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = _secret });
        var bob = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("bob"), ReuseSecret = _secret });
        var fresh = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice") });
        var freshAgain = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice") });

        Assert.NotEmpty(Uuids(alice));
        Assert.NotEqual(Uuids(alice), Uuids(bob));
        Assert.NotEqual(Uuids(fresh), Uuids(freshAgain));
        Assert.NotEqual(Uuids(alice), Uuids(fresh));
    }

    private static string Uuids(string json) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Matches(json, "\"uuid\":\"([0-9A-Fa-f-]{36})\"").Select(m => m.Groups[1].Value));

    private static string PasswordHash(string json, string user) =>
        System.Text.RegularExpressions.Regex.Match(json, $"\"{user}\":\\{{[^}}]*\"password\":\"(\\$6\\$[^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Two_stores_give_one_config_unrelated_uuids_salts_and_hashes()
    {
        var first = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = Store("one") });
        var second = await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = Store("two") });

        var firstUuids = Uuids(first).Split(' ');
        var secondUuids = Uuids(second).Split(' ');
        Assert.NotEmpty(firstUuids);
        Assert.Empty(firstUuids.Intersect(secondUuids));
        Assert.StartsWith("$6$", PasswordHash(first, "alice"), StringComparison.Ordinal);
        Assert.NotEqual(Salt(PasswordHash(first, "alice")), Salt(PasswordHash(second, "alice")));
        Assert.Equal(first, await ImagePipelineAsync(Request("qcow2") with { Config = WithUser("alice"), ReuseSecret = Store("one") }));
    }

    [Fact]
    public async Task A_password_change_in_one_store_gives_a_hash_of_the_new_password()
    {
        var config = WithUser("alice");
        var changed = config with
        {
            Customizations = config.Customizations! with { User = [config.Customizations.User[0] with { Password = "new-secret-pw" }] },
        };

        var before = PasswordHash(await ImagePipelineAsync(Request("qcow2") with { Config = config, ReuseSecret = _secret }), "alice");
        var after = PasswordHash(await ImagePipelineAsync(Request("qcow2") with { Config = changed, ReuseSecret = _secret }), "alice");

        Assert.Equal(before, await OpensslSha512CryptAsync("plain-pw", Salt(before)));
        Assert.Equal(after, await OpensslSha512CryptAsync("new-secret-pw", Salt(after)));
        Assert.NotEqual(Salt(before), Salt(after));
    }

    private static string Salt(string sha512Crypt) => sha512Crypt.Split('$')[2];

    /// <summary>An independent sha512-crypt: OpenSSL's, not ours.</summary>
    private static async Task<string> OpensslSha512CryptAsync(string password, string salt)
    {
        var start = new System.Diagnostics.ProcessStartInfo("openssl", ["passwd", "-6", "-salt", salt, "-stdin"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var openssl = System.Diagnostics.Process.Start(start)!;
        await openssl.StandardInput.WriteLineAsync(password);
        openssl.StandardInput.Close();
        var hash = (await openssl.StandardOutput.ReadToEndAsync()).Trim();
        await openssl.WaitForExitAsync();
        return hash;
    }

    [Fact]
    public async Task A_kind_without_a_generator_is_refused_before_podman_runs()
    {
        var error = await Assert.ThrowsAsync<BibException>(
            () => Generator().GenerateAsync(Request("pxe-tar-xz"), CancellationToken.None));

        Assert.Equal("image type \"pxe-tar-xz\" is not supported by this version yet", error.Message);
        Assert.Empty(_podman.Calls);
    }

    [Fact]
    public async Task Each_kind_gets_its_own_manifest_from_its_own_generator_after_one_inspection()
    {
        var pxe = new RecordingKind(ImageKind.Pxe);

        var manifests = await Generator(new DiskImageKind(), pxe).GenerateAsync(Request("pxe-tar-xz", "vmdk"), CancellationToken.None);

        Assert.Equal([ImageKind.Pxe, ImageKind.Disk], manifests.Select(m => m.Kind));
        Assert.Equal(["pxe-tar-xz"], pxe.Received!.Types.Names);
        Assert.Equal(["manifest-pxe-tar-xz.json", "manifest-vmdk.json"], manifests.Select(m => m.FileName));
        Assert.Single(_podman.Subcommands, s => s == "run");
        // PXE needs the initrd modules, so they were read.
        Assert.Equal(["ostree", "livenet"], pxe.Received.Containers.Source.OsInfo.InitrdModules);
    }

    [Fact]
    public async Task The_pxe_kind_checks_the_initrd_modules_the_inspection_read()
    {
        // The fake image's lsinitrd lists ostree and livenet only.
        var error = await Assert.ThrowsAsync<BibException>(
            () => Generator(new PxeImageKind()).GenerateAsync(Request("pxe-tar-xz"), CancellationToken.None));

        Assert.Equal("bootc container initramfs requires ostree, dmsquash-live and livenet modules", error.Message);
        Assert.Equal("rm", _podman.Subcommands.Last());
    }

    [Fact]
    public async Task A_kinds_refusal_of_the_request_comes_before_podman_runs()
    {
        var installer = new BootcInstallerIsoKind(new BootcInfoResolver(_podman, _tree.Root, new SeededRandomSource(1), secretsDirectory: "/nonexistent"));

        var error = await Assert.ThrowsAsync<BibException>(
            () => Generator(installer).GenerateAsync(Request("bootc-installer"), CancellationToken.None));

        Assert.Equal("no installer payload bootc ref set", error.Message);
        Assert.Empty(_podman.Calls);
    }

    [Fact]
    public async Task Unsupported_blueprint_options_are_warned_about_per_kind()
    {
        var config = BlueprintParser.Parse("[customizations]\nfips = true\n", ConfigFormat.Toml, "c.toml");

        await Generator().GenerateAsync(Request("vmdk") with { Config = config }, CancellationToken.None);

        Assert.Equal(["blueprint validation failed for image type \"vmdk\": customizations.fips: not supported"], _warnings);
    }

    [Fact]
    public async Task The_request_reaches_the_disk_manifest()
    {
        var request = Request("qcow2") with { RootfsOverride = BootcImageBuilder.Disk.FilesystemType.Btrfs, OmitDefaultKernelArgs = true };

        var json = ManifestJson.ToCompactString((await Generator().GenerateAsync(request, CancellationToken.None))[0].Manifest);

        Assert.Contains("\"type\":\"org.osbuild.mkfs.btrfs\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("console=ttyS0", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_that_needs_the_running_container_gets_it_and_it_is_removed_afterwards()
    {
        var iso = new RecordingKind(ImageKind.LegacyInstallerIso, needsRunningContainer: true);

        await Generator(iso).GenerateAsync(Request("anaconda-iso"), CancellationToken.None);

        Assert.Equal(_tree.Root, iso.RootWhileGenerating);
        Assert.Equal("rm", _podman.Subcommands.Last());
    }

    [Fact]
    public async Task Other_kinds_get_no_running_container()
    {
        var pxe = new RecordingKind(ImageKind.Pxe);

        await Generator(pxe).GenerateAsync(Request("pxe-tar-xz"), CancellationToken.None);

        Assert.Null(pxe.Received!.Containers.Running);
    }

    private sealed class RecordingKind(ImageKind kind, bool needsRunningContainer = false) : IImageKindGenerator
    {
        public ImageKind Kind => kind;

        public bool NeedsRunningContainer => needsRunningContainer;

        public string? RootWhileGenerating { get; private set; }

        public ImageKindInput? Received { get; private set; }

        public Task<Manifest> GenerateAsync(ImageKindInput input, CancellationToken cancellationToken)
        {
            Received = input;
            RootWhileGenerating = input.Containers.Running?.Root;
            return Task.FromResult(new Manifest([new Pipeline("build", [])], []));
        }
    }
}
