using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace BootcImageBuilder.Tests.Distro;

/// <summary>A Serilog sink that keeps the rendered messages, for tests that check what was logged.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<(LogEventLevel Level, string Message)> _events = [];

    public IReadOnlyList<(LogEventLevel Level, string Message)> Events => _events;

    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _events.Add((logEvent.Level, logEvent.RenderMessage(formatProvider: null)));
    }
}
