using BootcImageBuilder.Cli.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace BootcImageBuilder.Cli.Tests;

/// <summary>Every log line, at every level, is redacted and one line, whatever a library or a server put in it.</summary>
public sealed class LogrusTextFormatterTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Signature = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";

    [Fact]
    public void A_message_and_an_exception_echoing_a_signed_request_lose_the_secrets_and_the_control_characters()
    {
        var echoed = $"Authorization: AWS4-HMAC-SHA256 Credential={KeyId}/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature={Signature}";
        var logEvent = new LogEvent(
            DateTimeOffset.UnixEpoch,
            LogEventLevel.Debug,
            new InvalidOperationException($"refused\u001b[2J\r\n{echoed}"),
            new MessageTemplateParser().Parse("answer: {Body:l}"),
            [new LogEventProperty("Body", new ScalarValue($"<Error>\n{echoed}\u001b]0;title\u0007</Error>"))]);
        using var output = new StringWriter();

        new LogrusTextFormatter().Format(logEvent, output);

        var line = output.ToString();
        Assert.DoesNotContain(KeyId, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, line, StringComparison.Ordinal);
        Assert.Equal(line.Length - 1, line.IndexOf('\n', StringComparison.Ordinal));
        Assert.DoesNotContain(line[..^1], char.IsControl);
        Assert.Contains(@"\x1b[2J", line, StringComparison.Ordinal);
    }
}
