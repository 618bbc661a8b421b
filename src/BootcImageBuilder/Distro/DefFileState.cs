namespace BootcImageBuilder.Distro;

/// <summary>What is at a candidate def file path, without following a dangling symbolic link into an error.</summary>
internal enum DefFileState
{
    Missing,
    Present,
    BrokenLink,
}

internal static class DefFileProbe
{
    /// <summary>
    /// <see cref="DefFileState.Present"/> for anything that resolves (a file, a directory, a working link: reading it
    /// tells the rest), <see cref="DefFileState.BrokenLink"/> for a link whose final target does not exist or that loops.
    /// </summary>
    public static DefFileState StateOf(string path)
    {
        var entry = new FileInfo(path);
        if (entry.LinkTarget is null)
        {
            return entry.Exists || Directory.Exists(path) ? DefFileState.Present : DefFileState.Missing;
        }

        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            return target is not null && (File.Exists(target) || Directory.Exists(target)) ? DefFileState.Present : DefFileState.BrokenLink;
        }
        catch (IOException)
        {
            return DefFileState.BrokenLink;
        }
    }
}
