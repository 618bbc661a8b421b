using System.Text;
using System.Text.RegularExpressions;

namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>
/// Everything a guest printed on its serial console, read from QEMU's standard output as it comes, and searched from a
/// cursor that moves past each match so that a later wait only sees what came after.
/// </summary>
internal sealed class SerialConsole : IDisposable
{
    private readonly StringBuilder _text = new();
    private readonly SemaphoreSlim _changed = new(0);
    private int _cursor;
    private bool _closed;

    /// <summary>Copies <paramref name="output"/> into the console until it ends (QEMU exited).</summary>
    public async Task PumpAsync(Stream output)
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            Append(new string(chars, 0, count));
        }

        lock (_text)
        {
            _closed = true;
        }

        _changed.Release();
    }

    /// <summary>Adds <paramref name="text"/> as if the guest printed it.</summary>
    public void Append(string text)
    {
        lock (_text)
        {
            _text.Append(text);
        }

        _changed.Release();
    }

    /// <summary>
    /// Waits until <paramref name="pattern"/> matches what came after the cursor, moves the cursor past the match and
    /// returns it; throws when the console closed first or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<Match> WaitForAsync(Regex pattern, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_text)
            {
                var match = pattern.Match(_text.ToString(), _cursor);
                if (match.Success)
                {
                    _cursor = match.Index + match.Length;
                    return match;
                }

                if (_closed)
                {
                    throw new InvalidOperationException($"the VM stopped before the console showed /{pattern}/");
                }
            }

            await _changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for a failure message.</summary>
    public string Tail(int count)
    {
        string text;
        lock (_text)
        {
            text = _text.ToString();
        }

        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines[Math.Max(0, lines.Length - count)..]);
    }

    public void Dispose() => _changed.Dispose();
}
