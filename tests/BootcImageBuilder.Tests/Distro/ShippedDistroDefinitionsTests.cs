using BootcImageBuilder.Distro;
using BootcImageBuilder.Distro.Defs;
using BootcImageBuilder.Tests.Containers;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.Tests.Distro;

/// <summary>The repository's data/defs against upstream bib's final data/defs (read from ../shared, never copied).</summary>
public sealed class ShippedDistroDefinitionsTests
{
    public static TheoryData<string, string> UpstreamDistros => new()
    {
        { "almalinux", "9" }, { "almalinux", "10" }, { "aurora", "40" }, { "aurora-helium", "10" }, { "bazzite", "40" },
        { "bluefin", "40" }, { "centos", "9" }, { "centos", "10" }, { "fedora", "40" }, { "fedora", "42" },
        { "heliumos", "9" }, { "heliumos", "10" }, { "rhel", "9" }, { "rhel", "10" }, { "rocky", "9" },
        { "rocky", "10" }, { "stillos", "10" },
    };

    private static string RepositoryDefs =>
        Path.Combine(SharedReferenceFiles.RepositoryRoot() ?? throw new InvalidOperationException("no repository root"), "data", "defs");

    [Theory]
    [MemberData(nameof(UpstreamDistros))]
    public void Every_upstream_distro_has_its_own_file_that_reads(string id, string version)
    {
        var definition = new DistroDefinitionLookup([RepositoryDefs]).Load(id, version);

        Assert.Equal(Path.Combine(RepositoryDefs, $"{id}-{version}.yaml"), definition.Path);
        Assert.Equal(["anaconda-iso"], definition.ImageTypeNames);
    }

    /// <summary>Each upstream distro, read from the reference as stored (links as text files) and as a copy with real links.</summary>
    public static TheoryData<string, string, bool> UpstreamDistrosInBothLayouts()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var row in UpstreamDistros)
        {
            data.Add((string)row[0], (string)row[1], false);
            data.Add((string)row[0], (string)row[1], true);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(UpstreamDistrosInBothLayouts))]
    public void Every_distro_installs_the_packages_upstream_lists(string id, string version, bool realLinks)
    {
        using var reference = ReferenceDefs.Open(realLinks);

        var shipped = new DistroDefinitionLookup([RepositoryDefs]).Load(id, version).ImageType("anaconda-iso").Packages;

        Assert.Equal(ReferencePackages(reference.Directory, $"{id}-{version}.yaml"), shipped);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_repository_ships_exactly_upstreams_distros(bool realLinks)
    {
        using var reference = ReferenceDefs.Open(realLinks);

        Assert.Equal(
            Directory.GetFiles(reference.Directory).Select(Path.GetFileName).Where(name => !name!.StartsWith("test_defs-", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            Directory.GetFiles(RepositoryDefs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fedora", "99", "fedora-42.yaml")]
    [InlineData("fedora", "41", "fedora-40.yaml")]
    [InlineData("centos", "10.0", "centos-10.yaml")]
    [InlineData("rhel", "9.6", "rhel-9.yaml")]
    [InlineData("rhel", "10.1", "rhel-10.yaml")]
    [InlineData("aurora-helium", "10.1", "aurora-helium-10.yaml")]
    public void Newer_releases_use_the_closest_older_file(string id, string version, string file)
    {
        Assert.Equal(Path.Combine(RepositoryDefs, file), new DistroDefinitionLookup([RepositoryDefs]).FindFile(id, version));
    }

    [Fact]
    public void A_release_older_than_every_file_has_no_definition()
    {
        var error = Assert.Throws<BibException>(() => new DistroDefinitionLookup([RepositoryDefs]).FindFile("fedora", "30"));

        Assert.Equal("could not find def file for distro fedora-30", error.Message);
    }

    [Fact]
    public void The_build_output_carries_the_defs_and_the_default_lookup_finds_them_there()
    {
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "defs");
        var lookup = new DistroDefinitionLookup(DistroDefinitionLookup.DefaultSearchDirectories.Where(d => d == besideAssembly).ToList());

        Assert.Equal(Path.Combine(besideAssembly, "stillos-10.yaml"), lookup.Load("stillos", "10").Path);
        Assert.False(Directory.Exists(Path.Combine(besideAssembly, "bootc-generic")), "bootc-generic is embedded, not copied");
    }

    // Upstream's links are either real links or small files holding the link target; either way the target's file
    // name is looked up beside it, since stillos-10's target is the repository-relative bib/data/defs/centos-10.yaml
    // (upstream's bug: as a real link it dangles).
    private static List<string> ReferencePackages(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (new FileInfo(path).LinkTarget is { } linkTarget)
        {
            return ReferencePackages(directory, Path.GetFileName(linkTarget));
        }

        var text = File.ReadAllText(path);
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return ReferencePackages(directory, Path.GetFileName(text.Trim()));
        }

        return DefsYaml.ReadDistroFile(text)["anaconda-iso"]!.Packages;
    }

    /// <summary>The shared reference defs, or a temporary copy of them in which upstream's links are real symbolic links.</summary>
    private sealed class ReferenceDefs : IDisposable
    {
        private readonly TempTree? _copy;

        private ReferenceDefs(string directory, TempTree? copy)
        {
            Directory = directory;
            _copy = copy;
        }

        public string Directory { get; }

        public static ReferenceDefs Open(bool realLinks)
        {
            var reference = SharedReferenceFiles.ReferenceDefsDirectory;
            Skip.If(reference is null, "shared reference defs (../shared/reference-defs) are not available next to this checkout");
            if (!realLinks)
            {
                return new ReferenceDefs(reference, null);
            }

            var copy = new TempTree();
            foreach (var file in System.IO.Directory.GetFiles(reference))
            {
                var name = Path.GetFileName(file);
                var text = File.ReadAllText(file);
                if (text.Contains(':', StringComparison.Ordinal))
                {
                    copy.File(name, text);
                }
                else
                {
                    copy.Link(name, text.Trim());
                }
            }

            return new ReferenceDefs(copy.Root, copy);
        }

        public void Dispose() => _copy?.Dispose();
    }
}
