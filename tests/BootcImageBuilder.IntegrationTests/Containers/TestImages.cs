using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BootcImageBuilder.Processes;

namespace BootcImageBuilder.IntegrationTests.Containers;

/// <summary>
/// Bootc-like test images, built with buildah at run time (no registry needed) and cached per test run.
/// Other test classes may use them: call <see cref="EnsureBuiltAsync"/> and use the returned reference.
/// </summary>
public static class TestImages
{
    public const string CentOsKernelPrefix = "5.14.0-611.el9.";
    public const string FedoraKernelPrefix = "6.14.0-63.fc42.";

    public const string CentOsStream9OsRelease = """
        NAME="CentOS Stream"
        VERSION="9"
        ID="centos"
        ID_LIKE="rhel fedora"
        VERSION_ID="9"
        PLATFORM_ID="platform:el9"
        PRETTY_NAME="CentOS Stream 9"
        ANSI_COLOR="0;31"
        CPE_NAME="cpe:/o:centos:centos:9"
        HOME_URL="https://centos.org/"

        """;

    public const string Fedora42OsRelease = """
        NAME="Fedora Linux"
        VERSION="42 (Forty Two)"
        RELEASE_TYPE=stable
        ID=fedora
        VERSION_ID=42
        VERSION_CODENAME=""
        PLATFORM_ID="platform:f42"
        PRETTY_NAME="Fedora Linux 42 (Forty Two)"
        # os-release(5) allows comments
        VARIANT="Container Image"
        VARIANT_ID=container

        """;

    public const string SelinuxConfig = """
        # This file controls the state of SELinux on the system.
        SELINUX=enforcing

        SELINUXTYPE=targeted

        """;

    /// <summary>What the stub <c>bootc install print-configuration</c> of a CentOS image prints.</summary>
    public const string CentOsBootcConfiguration = """{"filesystem":{"root":{"type":"xfs"}},"kargs":["console=ttyS0"]}""";

    /// <summary>The CentOS image's <c>bootc/install</c> files, which <see cref="CentOsBootcConfiguration"/> merges (a base and a derived layer's override).</summary>
    public static readonly IReadOnlyDictionary<string, string> CentOsInstallConfigFiles = new Dictionary<string, string>
    {
        ["/usr/lib/bootc/install/00-centos.toml"] = "[install]\nroot-fs-type = \"ext4\"\nkargs = [\"console=ttyS0\"]\n",
        ["/usr/lib/bootc/install/10-rootfs.toml"] = "[install.filesystem.root]\ntype = \"xfs\"\n",
    };

    /// <summary>Fedora sets no default root filesystem.</summary>
    public const string FedoraBootcConfiguration = """{"kargs":[]}""";

    public const string EmbeddedConfigToml = """
        [[customizations.user]]
        name = "alice"
        groups = ["wheel"]

        """;

    public const string NewFolderDiskYaml = "mount_configuration: units\npartition_table:\n  type: gpt\n";
    public const string OldFolderDiskYaml = "mount_configuration: fstab\n";
    public const string OldFolderIsoYaml = "label: Test-ISO\nkernel_args: [quiet]\n";

    public static readonly IReadOnlyList<string> InitrdModules = ["bash", "ostree", "dmsquash-live", "livenet"];

    // Declared before the images below: static initializers run in textual order.
    private static readonly string[] BootcExecutables = ["/usr/bin/bootc", "/usr/bin/lsinitrd"];

    private const string FingerprintLabel = "bib.test.fingerprint";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Built = new();
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static readonly ProcessRunner Runner = new();

    /// <summary>Why podman tests cannot run here, or null when podman and buildah are both installed.</summary>
    public static string? MissingToolsReason { get; } = FindMissingTools();

    /// <summary>A CentOS Stream 9 bootc image: xfs default, ID_LIKE, EFI vendor <c>centos</c> (not on ppc64le/s390x).</summary>
    public static TestImage CentOsStream9(string goArch)
    {
        var rpmArch = Arch.Parse(goArch).Name;
        var files = BootcFiles("/usr/lib/os-release", CentOsStream9OsRelease, CentOsBootcConfiguration, CentOsKernelPrefix + rpmArch, goArch);
        foreach (var (path, contents) in CentOsInstallConfigFiles)
        {
            files[path] = contents;
        }

        List<string> directories = ["/usr/lib/modules/4.0-no-kernel-here"];
        if (goArch is "amd64" or "arm64")
        {
            directories.AddRange(["/usr/lib/bootupd/updates/EFI/BOOT", "/usr/lib/bootupd/updates/EFI/centos"]);
        }

        return new TestImage($"centos9-{goArch}", goArch, true, files, BootcExecutables, directories);
    }

    /// <summary>A Fedora 42 bootc image: no default root fs, etc/os-release over usr/lib/os-release, EFI vendor via shim.</summary>
    public static TestImage Fedora42(string goArch)
    {
        var rpmArch = Arch.Parse(goArch).Name;
        var files = BootcFiles("/etc/os-release", Fedora42OsRelease, FedoraBootcConfiguration, FedoraKernelPrefix + rpmArch, goArch);
        files["/usr/lib/os-release"] = "NAME=\"Shadowed by etc\"\nID=shadowed\nVERSION_ID=0\n";
        return new TestImage(
            $"fedora42-{goArch}", goArch, true, files, BootcExecutables,
            ["/usr/lib/efi/shim/15.8-3/EFI/BOOT", "/usr/lib/efi/shim/15.8-3/EFI/fedora"]);
    }

    /// <summary>A CentOS image without the <c>containers.bootc</c> label.</summary>
    public static TestImage WithoutBootcLabel { get; } = CentOsStream9("amd64") with { Name = "no-label", HasBootcLabel = false };

    /// <summary>A CentOS image whose <c>bootc</c> exits 1 with a message on stderr.</summary>
    public static TestImage FailingBootc { get; } = WithBootcScript(
        "failing-bootc", "echo 'partial output'\necho 'error: Installing: not in this test' >&2\nexit 1\n");

    /// <summary>A CentOS image whose <c>bootc</c> claims an unsupported root filesystem.</summary>
    public static TestImage VfatRootFs { get; } = WithBootcScript(
        "vfat-rootfs", """echo '{"filesystem":{"root":{"type":"vfat"}}}'""" + "\n");

    /// <summary>A CentOS image whose initrd has ostree and dmsquash-live but not livenet, so it cannot boot over PXE.</summary>
    public static TestImage WithoutLivenetModule { get; } = AddFiles(CentOsStream9("amd64") with { Name = "no-livenet" }, new()
    {
        ["/usr/bin/lsinitrd"] = LsinitrdScript(CentOsKernelPrefix + "x86_64", [.. InitrdModules.Where(m => m != "livenet")]),
    });

    /// <summary>A CentOS image whose <c>bootc</c> marks <c>/tmp/bootc-started</c> and then hangs: for cancellation.</summary>
    public static TestImage SlowBootc { get; } = WithBootcScript("slow-bootc", "touch /tmp/bootc-started\nsleep 600\n");

    /// <summary>A CentOS image with an embedded config.toml, disk.yaml in both folders and iso.yaml in the old one.</summary>
    public static TestImage WithEmbeddedConfig { get; } = AddFiles(CentOsStream9("amd64") with { Name = "embedded-config" }, new()
    {
        ["/usr/lib/bootc-image-builder/config.toml"] = EmbeddedConfigToml,
        ["/usr/lib/image-builder/bootc/config.json"] = """{"ignored": "only the old folder is searched for configs"}""",
        ["/usr/lib/image-builder/bootc/disk.yaml"] = NewFolderDiskYaml,
        ["/usr/lib/bootc-image-builder/disk.yaml"] = OldFolderDiskYaml,
        ["/usr/lib/bootc-image-builder/iso.yaml"] = OldFolderIsoYaml,
    });

    /// <summary>An image whose only extra is an embedded config asking for a 3 GiB <c>/var/data</c> filesystem.</summary>
    public static TestImage WithEmbeddedFilesystemConfig { get; } = AddFiles(CentOsStream9("amd64") with { Name = "embedded-filesystem" }, new()
    {
        ["/usr/lib/bootc-image-builder/config.toml"] = "[[customizations.filesystem]]\nmountpoint = \"/var/data\"\nminsize = \"3 GiB\"\n",
    });

    /// <summary>Builds <paramref name="image"/> once per test run (replacing any older image of that name) and returns its reference.</summary>
    public static Task<string> EnsureBuiltAsync(TestImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Built.GetOrAdd(image.Ref, _ => new Lazy<Task<string>>(() => BuildAsync(image))).Value;
    }

    /// <summary>Runs a program and returns its stdout, failing with its stderr when it exits non-zero.</summary>
    public static async Task<string> RunCheckedAsync(string program, params string[] arguments)
    {
        var result = await Runner.RunAsync(program, arguments, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {result.ExitStatus}\n{result.Stderr}");
        }

        return result.Stdout;
    }

    private static Dictionary<string, string> BootcFiles(
        string osReleasePath, string osRelease, string bootcConfiguration, string kernelVersion, string goArch)
    {
        var files = new Dictionary<string, string>
        {
            [osReleasePath] = osRelease,
            ["/etc/selinux/config"] = SelinuxConfig,
            [$"/usr/lib/modules/{kernelVersion}/vmlinuz"] = "not really a kernel\n",
            ["/usr/bin/bootc"] = BootcScript($"cat <<'JSON'\n{bootcConfiguration}\nJSON\n"),
            ["/usr/bin/lsinitrd"] = LsinitrdScript(kernelVersion, InitrdModules),
        };
        if (goArch == "arm64")
        {
            files[$"/usr/lib/modules/{kernelVersion}/aboot.img"] = "android boot image\n";
        }

        return files;
    }

    /// <summary>A <c>lsinitrd</c> stand-in that lists <paramref name="modules"/> for <c>--mod --kver &lt;kernelVersion&gt;</c>.</summary>
    private static string LsinitrdScript(string kernelVersion, IReadOnlyList<string> modules) => $$"""
        #!/bin/sh
        if [ "$*" = "--mod --kver {{kernelVersion}}" ]; then
            printf '{{string.Join("\\n", modules)}}\n'
            exit 0
        fi
        echo "lsinitrd stub: no initrd for $*" >&2
        exit 1

        """;

    private static string BootcScript(string printConfiguration) => $"""
        #!/bin/sh
        if [ "$*" = "install print-configuration" ]; then
        {printConfiguration}exit 0
        fi
        echo "bootc stub: unsupported arguments: $*" >&2
        exit 2

        """;

    /// <summary>A CentOS image without <c>bootc/install</c> files, so that its <c>bootc</c> is asked, answering with <paramref name="printConfiguration"/>.</summary>
    private static TestImage WithBootcScript(string name, string printConfiguration)
    {
        var image = CentOsStream9("amd64");
        var files = image.Files.Where(f => !CentOsInstallConfigFiles.ContainsKey(f.Key)).ToDictionary();
        files["/usr/bin/bootc"] = BootcScript(printConfiguration);
        return image with { Name = name, Files = files };
    }

    private static TestImage AddFiles(TestImage image, Dictionary<string, string> extra)
    {
        var files = new Dictionary<string, string>(image.Files);
        foreach (var (path, contents) in extra)
        {
            files[path] = contents;
        }

        return image with { Files = files };
    }

    private static async Task<string> BuildAsync(TestImage image)
    {
        await BuildLock.WaitAsync();
        var work = Directory.CreateTempSubdirectory("bib-test-image-");
        try
        {
            // An identical image from an earlier run is reused; a changed one is rebuilt and the old one removed.
            var fingerprint = Fingerprint(image);
            var existing = await Runner.RunAsync(
                "podman", ["image", "inspect", image.Ref, "--format", $"{{{{index .Labels \"{FingerprintLabel}\"}}}}"], CancellationToken.None);
            if (existing.Succeeded && existing.Stdout.Trim() == fingerprint)
            {
                return image.Ref;
            }


            var rootfs = Path.Join(work.FullName, "rootfs");
            WriteTree(rootfs, image);
            var container = (await RunCheckedAsync("buildah", "from", "scratch")).Trim();
            try
            {
                await RunCheckedAsync("buildah", "copy", "--quiet", container, rootfs, "/");
                await RunCheckedAsync("buildah", "run", container, "--", "/bin/busybox", "--install", "-s", "/bin");
                List<string> config = ["config", "--arch", image.GoArch, "--os", "linux", "--label", $"{FingerprintLabel}={fingerprint}"];
                if (image.HasBootcLabel)
                {
                    config.AddRange(["--label", "containers.bootc=1"]);
                }

                await RunCheckedAsync("buildah", [.. config, container]);
                await RunCheckedAsync("buildah", "commit", "--quiet", container, image.Ref);
                if (existing.Succeeded)
                {
                    // The replaced image is now untagged; it may still be in use elsewhere, so failing to remove it is fine.
                    await Runner.RunAsync("podman", ["image", "prune", "--force", "--filter", $"label={FingerprintLabel}"], CancellationToken.None);
                }
            }
            finally
            {
                await Runner.RunAsync("buildah", ["rm", container], CancellationToken.None);
            }

            return image.Ref;
        }
        finally
        {
            work.Delete(recursive: true);
            BuildLock.Release();
        }
    }

    private static string Fingerprint(TestImage image)
    {
        var text = new StringBuilder()
            .AppendLine(image.Name).AppendLine(image.GoArch).AppendLine(image.HasBootcLabel.ToString())
            .AppendLine(string.Join('\0', image.Executables)).AppendLine(string.Join('\0', image.Directories));
        foreach (var (path, contents) in image.Files.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\0').Append(contents).Append('\0');
        }

        var busybox = File.ReadAllBytes(FindOnPath("busybox") ?? "/dev/null");
        return Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(text.ToString()), .. busybox]));
    }

    private static void WriteTree(string rootfs, TestImage image)
    {
        var busybox = Path.Join(rootfs, "bin/busybox");
        Directory.CreateDirectory(Path.GetDirectoryName(busybox)!);
        File.Copy(FindOnPath("busybox") ?? throw new InvalidOperationException("busybox-static is not installed"), busybox);
        foreach (var directory in (string[])["/tmp", "/etc", "/usr/bin", .. image.Directories])
        {
            Directory.CreateDirectory(Path.Join(rootfs, directory));
        }

        foreach (var (path, contents) in image.Files)
        {
            var target = Path.Join(rootfs, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, contents);
            if (image.Executables.Contains(path) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
            }
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(Path.Join(rootfs, "tmp"), (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
    }

    private static string? FindMissingTools()
    {
        var missing = new[] { "podman", "buildah", "busybox" }.Where(tool => FindOnPath(tool) is null).ToList();
        return missing.Count == 0 ? null : $"{string.Join(", ", missing)} not found on PATH (install podman, buildah and busybox-static)";
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, program))
            .FirstOrDefault(File.Exists);
}
