using System.Text.RegularExpressions;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// Removes what must never reach a log or an error line from text that came from a library or a server: bearer
/// and OAuth tokens, resumable session ids, signed-URL signatures, JWT assertions and private keys.
/// </summary>
public static partial class SecretScrubber
{
    private const string Redacted = "[redacted]";

    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = PrivateKey().Replace(text, Redacted);
        text = Bearer().Replace(text, "Bearer " + Redacted);
        text = QueryParameter().Replace(text, m => $"{m.Groups[1].Value}={Redacted}");
        text = JsonField().Replace(text, m => $"\"{m.Groups[1].Value}\":\"{Redacted}\"");
        text = GoogleAccessToken().Replace(text, Redacted);
        return Jwt().Replace(text, Redacted);
    }

    /// <summary>A library exception's message, scrubbed, on one line.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ServerText.Printable(Scrub(exception.Message).Trim());
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();

    [GeneratedRegex(
        @"(?i)\b(access_token|refresh_token|id_token|upload_id|upload_protocol|assertion|client_secret|code|key|sig|signature|x-goog-signature|x-goog-credential|x-amz-signature|x-amz-credential|x-amz-security-token)=[^&\s""'<>]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"(?i)""(access_token|refresh_token|id_token|private_key|client_secret|assertion)""\s*:\s*""(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonField();

    [GeneratedRegex(@"\bya29\.[A-Za-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleAccessToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();
}
