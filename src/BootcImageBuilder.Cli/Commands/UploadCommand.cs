using System.CommandLine;

namespace BootcImageBuilder.Cli.Commands;

/// <summary><c>upload</c>: the parent of one subcommand per cloud, for an image built earlier (as osbuild's image-builder has it).</summary>
internal static class UploadCommand
{
    public static Command Create(IEnumerable<Command> clouds)
    {
        ArgumentNullException.ThrowIfNull(clouds);
        var command = new Command("upload", "Upload an image built earlier to a cloud");
        foreach (var cloud in clouds)
        {
            command.Subcommands.Add(cloud);
        }

        return command;
    }
}
