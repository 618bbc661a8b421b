using System.Text;
using System.Text.Json;

namespace BootcImageBuilder.Osbuild.Running;

/// <summary>
/// Reads osbuild's JSON-seq monitor stream (<c>0x1E</c> + one JSON object + newline per record). osbuild sends a
/// context in full the first time and afterwards only its id, so contexts are remembered by id. A record may carry a
/// whole stage's output, but no more than <see cref="MaxRecordLength"/> characters are held for one.
/// </summary>
public sealed class MonitorStatusScanner(TextReader reader)
{
    /// <summary>16 MiB of JSON (osbuild writes ASCII), far above the longest stage output a build produces.</summary>
    public const int MaxRecordLength = 16 * 1024 * 1024;

    private const string ParseErrorPrefix = "error parsing osbuild status, please report a bug and try with \"--progress=verbose\"";

    private readonly Dictionary<string, RecordContext> _contexts = new(StringComparer.Ordinal);
    private readonly char[] _buffer = new char[4096];
    private int _position;
    private int _end;

    /// <summary>The next status, or null at the end of the stream.</summary>
    public async Task<MonitorStatus?> ReadAsync(CancellationToken cancellationToken)
    {
        string? line;
        do
        {
            line = await ReadRecordAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }

            line = line.Trim('\x1e', '\r');
        }
        while (line.Length == 0);

        try
        {
            return Interpret(line);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new BibException($"{ParseErrorPrefix}: cannot scan line: {e.Message}", e);
        }
    }

    /// <summary>The next newline-terminated record (the last may lack its newline), or null at the end of the stream.</summary>
    private async Task<string?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var record = new StringBuilder();
        while (true)
        {
            if (_position == _end)
            {
                _position = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0)
                {
                    return record.Length > 0 ? record.ToString() : null;
                }
            }

            var newline = Array.IndexOf(_buffer, '\n', _position, _end - _position);
            var take = (newline < 0 ? _end : newline) - _position;
            if (record.Length + take > MaxRecordLength)
            {
                throw new BibException($"{ParseErrorPrefix}: a record is longer than {MaxRecordLength / (1024 * 1024)} MiB");
            }

            record.Append(_buffer, _position, take);
            _position += take;
            if (newline >= 0)
            {
                _position++;
                return record.ToString();
            }
        }
    }

    private MonitorStatus Interpret(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var context = RememberContext(root.TryGetProperty("context", out var c) ? c : default);
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()!.Trim() : "";
        var fromMonitor = context.Origin == "osbuild.monitor";
        return new MonitorStatus
        {
            Message = fromMonitor ? message : "",
            Trace = fromMonitor ? "" : message,
            Pipeline = context.Pipeline,
            Levels = root.TryGetProperty("progress", out var progress) ? ReadLevels(progress, context) : [],
            Result = root.TryGetProperty("result", out var result) ? ReadResult(result, context) : null,
        };
    }

    private RecordContext RememberContext(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return RecordContext.Empty;
        }

        var id = element.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? "" : "";
        if (_contexts.TryGetValue(id, out var known))
        {
            return known;
        }

        string? pipeline = null;
        string? stage = null;
        if (element.TryGetProperty("pipeline", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            pipeline = p.TryGetProperty("name", out var pn) ? pn.GetString() : null;
            if (p.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("name", out var sn))
            {
                stage = sn.GetString();
            }
        }

        var origin = element.TryGetProperty("origin", out var o) ? o.GetString() : null;
        var context = new RecordContext(origin, pipeline, stage);
        _contexts[id] = context;
        return context;
    }

    private static List<ProgressLevel> ReadLevels(JsonElement progress, RecordContext context)
    {
        var levels = new List<ProgressLevel>();
        var level = progress;
        while (level.ValueKind == JsonValueKind.Object)
        {
            // Level 0 counts pipelines, deeper levels count the current pipeline's stages.
            var label = levels.Count == 0
                ? context.Pipeline is null ? "" : $"Pipeline {context.Pipeline}"
                : context.Stage is null ? "" : $"Stage {context.Stage}";
            levels.Add(new ProgressLevel(label, Count(level, "done"), Count(level, "total")));
            level = level.TryGetProperty("progress", out var next) ? next : default;
        }

        return levels;
    }

    private static int Count(JsonElement level, string name) =>
        level.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static StageResult ReadResult(JsonElement result, RecordContext context) => new(
        context.Pipeline ?? "",
        result.TryGetProperty("name", out var name) ? name.GetString() ?? "" : context.Stage ?? "",
        result.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True,
        result.TryGetProperty("output", out var output) ? output.GetString() ?? "" : "");

    private sealed record RecordContext(string? Origin, string? Pipeline, string? Stage)
    {
        public static readonly RecordContext Empty = new(null, null, null);
    }
}
