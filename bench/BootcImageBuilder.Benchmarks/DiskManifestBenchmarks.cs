using BenchmarkDotNet.Attributes;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images;
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

    private readonly List<(string Type, BootcDiskImageRequest Request)> _cases = [];

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
            foreach (var type in DiskImageOutput.DiskImageTypes)
            {
                _cases.Add((type, new BootcDiskImageRequest(info)));
            }
        }
    }

    [Benchmark(OperationsPerInvoke = ManifestsPerOperation, Description = "generate + serialize one manifest")]
    public int GenerateAllTypesAndArches()
    {
        var total = 0;
        foreach (var (type, request) in _cases)
        {
            var manifest = BootcDiskImage.Generate(request, new SeededRandomSource(type.Length));
            total += ManifestJson.ToCompactString(manifest).Length + DiskImageOutput.RelativePathOf(type).Length;
        }

        return total;
    }
}
