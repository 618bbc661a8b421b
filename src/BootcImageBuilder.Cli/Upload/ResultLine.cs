using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Progress;
using BootcImageBuilder.Cli.Settings;

namespace BootcImageBuilder.Cli.Upload;

/// <summary>
/// Where a line the user acts on goes (<c>GCE image registered: …</c>): stdout, or a <c>message</c> event when
/// stdout carries JSON events, so it stays one JSON object per line.
/// </summary>
internal sealed class ResultLine(ProgressMode mode, IProgressReporter progress, TextWriter stdout)
{
    public void Write(string line)
    {
        if (mode == ProgressMode.Json)
        {
            progress.Message(line);
        }
        else
        {
            stdout.WriteLine(line);
            stdout.Flush();
        }
    }
}
