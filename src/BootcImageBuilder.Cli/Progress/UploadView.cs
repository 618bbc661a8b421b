using BootcImageBuilder.Building;
using BootcImageBuilder.Cli.Settings;
using BootcImageBuilder.Upload;

namespace BootcImageBuilder.Cli.Progress;

/// <summary>
/// How an upload is shown once the build's own display has stopped. JSON: <c>progress</c> events counting bytes and
/// <c>message</c> events, keeping stdout one JSON object per line. Debug: the lines on stdout, no bar. Otherwise
/// upstream's byte bar and the lines on stdout, the bar redrawn in place on a terminal.
/// </summary>
internal sealed class UploadView(ProgressMode mode, IProgressReporter reporter, TextWriter stdout) : IUploadView
{
    public IProgress<long>? Transfer(string label, long totalBytes) => mode switch
    {
        ProgressMode.Json when reporter is JsonProgress json => new JsonByteProgress(json, label, totalBytes),
        ProgressMode.Debug => null,
        _ => new ByteProgressBar(stdout, totalBytes, redraw: reporter is TerminalProgress),
    };

    public void Status(string line) => WriteLine(line);

    public void Result(string line) => WriteLine(line);

    private void WriteLine(string line)
    {
        if (mode == ProgressMode.Json && reporter is JsonProgress)
        {
            reporter.Message(line);
        }
        else
        {
            stdout.WriteLine(line);
            stdout.Flush();
        }
    }
}
