using BootcImageBuilder.Cli.Commands;
using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Cli.Tests.Shipping;

/// <summary>
/// The container users run, read from the Containerfile (nothing here can pull the Fedora base image to build it):
/// upstream's packages, osbuild's fast-track repository, entrypoint, volumes, workdir, labels, and data where the
/// tool looks for it.
/// </summary>
public class ContainerfileTests
{
    /// <summary>Upstream's package-requires.txt (issue 14): osbuild and its stages, podman, --in-vm, RHSM.</summary>
    private static readonly string[] UpstreamPackages =
    [
        "osbuild", "osbuild-ostree", "osbuild-depsolve-dnf", "osbuild-lvm2", "podman", "qemu-kvm-core", "virtiofsd",
        "qemu-img", "selinux-policy-targeted", "distribution-gpg-keys", "subscription-manager",
    ];

    private static readonly Containerfile Shipped = Containerfile.Parse(RepositoryFiles.Read("Containerfile"));

    [Fact]
    public void The_image_installs_every_package_upstreams_does_and_libcrypt_for_password_hashes()
    {
        var packages = Shipped.Final.DnfInstalledPackages;

        Assert.Empty(UpstreamPackages.Except(packages));
        Assert.Contains("libxcrypt-compat", packages);
        Assert.StartsWith("registry.fedoraproject.org/fedora:", Shipped.Final.BaseImage, StringComparison.Ordinal);
    }

    [Fact]
    public void Osbuild_comes_from_its_signed_fast_track_repository_added_before_the_install()
    {
        var instructions = Shipped.Final.Instructions.ToList();
        var repoCopy = Assert.Single(instructions, i => i.Keyword == "COPY" && i.Words[^1].StartsWith("/etc/yum.repos.d/", StringComparison.Ordinal));
        var install = instructions.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dnf install", StringComparison.Ordinal));
        Assert.True(instructions.IndexOf(repoCopy) < install, "the repository must be in place before dnf installs osbuild");

        var repo = RepositoryFiles.Read(repoCopy.Words[0]);
        Assert.Matches(@"(?m)^baseurl=https://download\.copr\.fedorainfracloud\.org/results/@osbuild/osbuild/fedora-\$releasever-\$basearch/$", repo);
        Assert.Matches(@"(?m)^gpgcheck=1$", repo);
        Assert.Matches(@"(?m)^gpgkey=https://download\.copr\.fedorainfracloud\.org/results/@osbuild/osbuild/pubkey\.gpg$", repo);
        Assert.Matches(@"(?m)^enabled=1$", repo);
    }

    [Fact]
    public void The_entrypoint_is_the_NativeAOT_binary_published_by_the_builder_stage()
    {
        Assert.Equal(["/usr/bin/bootc-image-builder"], Assert.Single(Shipped.Final.All("ENTRYPOINT")).ExecForm);
        var copy = Assert.Single(Shipped.Final.All("COPY"), c => c.Words.Contains("/out/bootc-image-builder"));
        Assert.Equal(["--from=builder", "/out/bootc-image-builder", "/usr/bin/bootc-image-builder"], copy.Words);

        var publish = ShellWords.Split(Assert.Single(Shipped.Stage("builder").All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments);
        Assert.Contains("src/BootcImageBuilder.Cli", publish);
        Assert.Contains("-p:PublishAot=true", publish);
        Assert.Equal("/out", publish[publish.ToList().IndexOf("-o") + 1]);
    }

    [Fact]
    public void Canaries_for_every_foreign_architecture_are_built_from_our_source_and_land_on_path()
    {
        var build = Assert.Single(Shipped.Stage("builder").All("RUN"), r => r.Arguments.Contains("build-canaries.sh", StringComparison.Ordinal));
        // Both builder architectures name the four others, each with its cross compiler and C library.
        foreach (var (host, foreign) in new[] { ("x86_64", "arm64 ppc64le s390x riscv64"), ("aarch64", "amd64 ppc64le s390x riscv64") })
        {
            Assert.Contains($"{host}) foreign=\"{foreign}\"", build.Arguments, StringComparison.Ordinal);
        }

        foreach (var triplet in new[] { "aarch64", "x86-64", "powerpc64le", "s390x", "riscv64" })
        {
            Assert.Contains($"gcc-{triplet}-linux-gnu", build.Arguments, StringComparison.Ordinal);
        }

        Assert.Contains("scripts/build-canaries.sh /out/canaries $foreign", build.Arguments, StringComparison.Ordinal);
        var copy = Assert.Single(Shipped.Final.All("COPY"), c => c.Words.Contains("/out/canaries/"));
        Assert.Equal(["--from=builder", "/out/canaries/", "/usr/bin/"], copy.Words);
    }

    [Fact]
    public void The_build_context_leaves_out_host_build_output_but_keeps_git_for_the_revision()
    {
        var ignored = RepositoryFiles.Read(".containerignore").Split('\n')
            .Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
        Assert.DoesNotContain(ignored, pattern => pattern.TrimStart('*', '/').StartsWith(".git", StringComparison.Ordinal));
        Assert.Contains(Shipped.Stage("builder").All("COPY"), copy => copy.Words.SequenceEqual([".", "."]));
    }

    [Fact]
    public void Volumes_are_upstreams_and_the_tools_defaults_point_into_them()
    {
        var volumes = Shipped.Final.All("VOLUME").SelectMany(v => v.Words).ToHashSet();
        Assert.Equal(
            new[] { "/output", "/rpmmd", "/store", "/var/lib/containers/storage" },
            volumes.Order(StringComparer.Ordinal));

        // --output defaults to the working directory, which is the /output volume.
        Assert.Equal("/output", Shipped.Final.All("WORKDIR").Last().Arguments);
        var build = new BuildOptions();
        Assert.Equal(".", build.Output.GetDefaultValue());
        Assert.Contains((string)build.Store.GetDefaultValue()!, volumes);
        Assert.Contains((string)build.Manifest.Rpmmd.GetDefaultValue()!, volumes);
    }

    [Fact]
    public void The_data_directory_lands_where_the_tool_looks_for_defs_and_the_depsolve_helper()
    {
        var copy = Assert.Single(Shipped.Final.All("COPY"), c => c.Words[0] == "data");
        Assert.Equal(["data", DataDirectories.SystemRoot], copy.Words);

        Assert.Contains(Path.Join(DataDirectories.SystemRoot, "defs"), DistroDefinitionLookup.DefaultSearchDirectories);
        Assert.NotEmpty(Directory.GetFiles(RepositoryFiles.PathOf("data/defs"), "*.yaml"));
        Assert.True(File.Exists(RepositoryFiles.PathOf(Path.Join("data", BootcImageBuilder.Depsolve.SolverLocator.HelperDataPath))));
    }

    [Fact]
    public void Labels_describe_the_image_as_upstreams_do_and_name_the_fedora_release()
    {
        var labels = Shipped.Final.Labels;

        Assert.Empty(new[] { "description", "io.k8s.description", "io.k8s.display-name", "io.openshift.tags", "summary" }.Except(labels.Keys));
        var release = Shipped.Final.BaseImage.Split(':')[1];
        Assert.Equal($"base fedora{release}", labels["io.openshift.tags"]);
        Assert.Equal(labels["description"], labels["io.k8s.description"]);
    }
}
