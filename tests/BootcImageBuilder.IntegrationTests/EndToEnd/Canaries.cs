using BootcImageBuilder.IntegrationTests.Containers;
using BootcImageBuilder.Tests.Osbuild;

namespace BootcImageBuilder.IntegrationTests.EndToEnd;

/// <summary>The tool's canaries (src/canary, scripts/build-canaries.sh), built for a test with the host's cross compilers.</summary>
internal static class Canaries
{
    /// <summary>Builds <c>bib-canary-&lt;goArch&gt;</c> into a directory of <paramref name="work"/> and returns the directory.</summary>
    public static async Task<string> DirectoryAsync(string work, string goArch)
    {
        var directory = Path.Join(work, "canaries");
        var root = SharedReferenceFiles.RepositoryRoot() ?? throw new InvalidOperationException("no repository root");
        await TestImages.RunCheckedAsync(Path.Join(root, "scripts", "build-canaries.sh"), directory, goArch);
        return directory;
    }

    /// <summary>
    /// Makes a canary what it is to a host without qemu-user for its architecture: an ELF executable the kernel refuses
    /// (its machine set to IA-64, which no qemu-user emulates, so no binfmt_misc entry matches either).
    /// </summary>
    public static void MakeUnrunnable(string canary)
    {
        using var file = File.OpenWrite(canary);
        file.Position = 18; // e_machine
        file.Write([50, 0]); // EM_IA_64
    }
}
