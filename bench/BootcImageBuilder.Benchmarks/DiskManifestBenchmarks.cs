using BenchmarkDotNet.Attributes;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Distro;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Benchmarks;

/// <summary>
/// Generates (and serializes) the bootc disk manifest of every type on every architecture from an in-memory
/// container description: 35 manifests per operation.
/// </summary>
[MemoryDiagnoser]
public class DiskManifestBenchmarks
{
    public const int ManifestsPerOperation = 35;

    private readonly List<(string Type, BootcDiskImageInput Request)> _cases = [];
    private readonly List<string> _generatedJson = [];

    [GlobalSetup]
    public void Setup()
    {
        foreach (var arch in Arch.DiskArches)
        {
            var info = new BootcInfo(
                "quay.io/centos-bootc/centos-bootc:stream9",
                "d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf",
                arch,
                "xfs",
                1UL << 30,
                new OsInfo
                {
                    OsRelease = new OsRelease("centos", "9", "CentOS Stream"),
                    UefiVendor = arch == Arch.X86_64 || arch == Arch.Aarch64 || arch == Arch.Riscv64 ? "centos" : null,
                    SelinuxPolicy = "targeted",
                });
            foreach (var type in ImageTypes.All.Where(t => t.Kind == ImageKind.Disk))
            {
                _cases.Add((type.Name, new BootcDiskImageInput(info) { ImageTypes = [type] }));
            }
        }

        _generatedJson.AddRange(_cases.Select(c => ManifestJson.ToCompactString(BootcDiskImage.Generate(c.Request, new SeededRandomSource(1)))));
    }

    /// <summary>
    /// The named baseline: System.Text.Json parsing and re-serializing the same 35 manifests, i.e. the cost of merely
    /// handling that much JSON. The Ratio column compares generation against it.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ManifestsPerOperation, Description = "baseline: JSON round trip of one manifest")]
    public int RoundTripJsonOfTheSameManifests()
    {
        var total = 0;
        foreach (var json in _generatedJson)
        {
            total += System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString().Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = ManifestsPerOperation, Description = "generate + serialize one manifest")]
    public int GenerateAllTypesAndArches()
    {
        var total = 0;
        foreach (var (type, request) in _cases)
        {
            var manifest = BootcDiskImage.Generate(request, new SeededRandomSource(type.Length));
            total += ManifestJson.ToCompactString(manifest).Length + ImageTypes.Get(type).ArtifactPath.Length;
        }

        return total;
    }
}
