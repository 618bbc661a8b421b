using System.Globalization;
using BootcImageBuilder.Cli.Tests;

namespace BootcImageBuilder.IntegrationTests.Hostile;

/// <summary>A process and its descendants as <c>/proc</c> shows them, to tell which child a run is waiting on.</summary>
internal static class ProcessTree
{
    /// <summary>The argv of every live descendant of <paramref name="pid"/>.</summary>
    public static List<string[]> DescendantCommandLines(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && ParentOf(child) is { } parent)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(child);
            }
        }

        var found = new List<string[]>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var next))
        {
            foreach (var child in children.GetValueOrDefault(next) ?? [])
            {
                found.Add(BibProcess.CommandLineOf(child));
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>True while <paramref name="pid"/> runs (not gone, not a zombie waiting to be reaped).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';

    private static int? ParentOf(int pid) =>
        Stat(pid) is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture) : null;

    // comm, in parentheses, may hold spaces and parentheses itself: fields are counted after the last ')'.
    private static string? Stat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
