namespace BootcImageBuilder.Building;

/// <summary>
/// The host's raw output streams: osbuild's own output passes through to them when the progress view does not read
/// its monitor, and whole warning lines (<c>WARNING: …</c>) go to <see cref="Error"/>.
/// </summary>
public sealed record BuildConsole(TextWriter Out, TextWriter Error)
{
    public void Warn(string line)
    {
        Error.WriteLine(line);
        Error.Flush();
    }
}
