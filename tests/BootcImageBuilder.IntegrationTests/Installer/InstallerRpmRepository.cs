using System.Text;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds.Installer;
using BootcImageBuilder.Images.Pipelines.Installer;
using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.IntegrationTests.Installer;

/// <summary>
/// A repository of empty noarch RPMs, one for every name the legacy installer ISO of a CentOS Stream 9 x86_64 image
/// asks for (both package-set chains, the shipped data/defs included), built with one rpmbuild run and createrepo_c;
/// and a test image whose dnf configuration points at it.
/// </summary>
public sealed class InstallerRpmRepository : IAsyncLifetime
{
    private static readonly OsRelease CentOs9 = new("centos", "9", "CentOS Stream", PlatformId: "platform:el9", IdLike: ["rhel", "fedora"]);

    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("bib-iso-repo-");

    public string Directory => _directory.FullName;

    /// <summary>The <c>build</c> chain's names.</summary>
    public IReadOnlyList<string> BuildPackageNames { get; } = BuildNames();

    /// <summary>The <c>anaconda-tree</c> chain's names.</summary>
    public IReadOnlyList<string> TreePackageNames { get; } = TreeNames();

    /// <summary>Every package name of both chains, once each.</summary>
    public IReadOnlyList<string> PackageNames => [.. BuildPackageNames.Concat(TreePackageNames).Distinct(StringComparer.Ordinal)];

    public string ImageRef { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var work = System.IO.Directory.CreateTempSubdirectory("bib-iso-rpmbuild-");
        try
        {
            var spec = Path.Join(work.FullName, "installer-dummies.spec");
            await File.WriteAllTextAsync(spec, Spec(PackageNames));
            await TestImages.RunCheckedAsync(
                "rpmbuild", "-bb", "--quiet", "--define", $"_topdir {work.FullName}/build", "--define", $"_rpmdir {Directory}", spec);
            await TestImages.RunCheckedAsync("createrepo_c", "--quiet", Directory);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var image = TestImages.CentOsStream9("amd64");
        var files = new Dictionary<string, string>(image.Files)
        {
            ["/etc/yum.repos.d/installer.repo"] = $"[installer]\nname=installer dummies\nbaseurl=file://{Directory}\nenabled=1\ngpgcheck=0\n",
            // The legacy ISO path asks the image for dnf and runs `dnf check --duplicates` in it.
            ["/usr/bin/dnf"] = "#!/bin/sh\nexit 0\n",
        };
        ImageRef = await TestImages.EnsureBuiltAsync(image with
        {
            Name = "installer-iso",
            Files = files,
            Executables = [.. image.Executables, "/usr/bin/dnf"],
        });
    }

    public async Task DisposeAsync()
    {
        await TestImages.RunCheckedAsync("podman", "image", "rm", "--force", ImageRef);
        _directory.Delete(recursive: true);
    }

    /// <summary>The built RPM files by package name.</summary>
    public IReadOnlyDictionary<string, string> RpmFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.rpm", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetFileName(path)[..^"-1.0-1.noarch.rpm".Length]);

    private static List<string> BuildNames() =>
        [.. LegacyIsoPackageSets.Build(Arch.X86_64, LegacyIsoRunner.For(CentOs9), LoraxTemplates.For(CentOs9)).Include.Distinct(StringComparer.Ordinal)];

    private static List<string> TreeNames()
    {
        var defs = new DistroDefinitionLookup([Path.Join(SharedReferenceFiles.RepositoryRoot()!, "data", "defs")])
            .FindImageDefinition(CentOs9, "anaconda-iso").Packages;
        return [.. LegacyIsoPackageSets.AnacondaTree(Arch.X86_64, defs).Include.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One spec, one empty subpackage per name.</summary>
    private static string Spec(IReadOnlyList<string> names)
    {
        var spec = new StringBuilder("""
            Name: installer-dummies
            Version: 1.0
            Release: 1
            Summary: Empty packages standing in for an installer's
            License: MIT
            BuildArch: noarch

            %description
            Empty packages for the installer ISO tests.

            """);
        foreach (var name in names)
        {
            spec.Append($"%package -n {name}\nSummary: stand-in for {name}\n%description -n {name}\nstand-in\n%files -n {name}\n\n");
        }

        return spec.ToString();
    }
}
