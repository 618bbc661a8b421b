using BootcImageBuilder.Distro;

namespace BootcImageBuilder.Cli.Tests;

public class BuiltOutputTests
{
    private static string ToolDirectory => Path.GetDirectoryName(BibProcess.DllPath)!;

    [Fact]
    public void The_built_tool_carries_the_distro_defs_beside_it()
    {
        var defs = Path.Combine(ToolDirectory, "defs");

        var definition = new DistroDefinitionLookup([defs]).Load("fedora", "42");

        Assert.Equal(Path.Combine(defs, "fedora-42.yaml"), definition.Path);
        Assert.Contains("anaconda", definition.ImageType("anaconda-iso").Packages);
    }

    [Fact]
    public void The_tools_data_root_is_its_own_directory()
    {
        Assert.Equal(Path.TrimEndingDirectorySeparator(ToolDirectory), Path.TrimEndingDirectorySeparator(DataDirectories.Roots[0]));
    }
}
