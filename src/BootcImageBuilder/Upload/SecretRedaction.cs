using System.Text.RegularExpressions;

namespace BootcImageBuilder.Upload;

/// <summary>
/// Removes credentials from text that came from a cloud SDK, a library or a service before it reaches output, logs or
/// errors: the values of the credential variables in the environment, private keys, bearer and OAuth tokens, JWT
/// assertions, resumable session ids, access key ids, and the signing parts of presigned URLs and authorization headers.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "[REDACTED]";

    private static readonly string[] SecretVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "GOOGLE_OAUTH_ACCESS_TOKEN",
    ];

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var name in SecretVariables)
        {
            // Short values would blank out ordinary words; real keys and tokens are long.
            if (Environment.GetEnvironmentVariable(name) is { Length: >= 8 } value)
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        text = PrivateKey().Replace(text, Mask);
        text = Bearer().Replace(text, "Bearer " + Mask);
        text = SecretParameter().Replace(text, m => m.Groups["name"].Value + "=" + Mask);
        text = JsonField().Replace(text, m => $"\"{m.Groups["name"].Value}\":\"{Mask}\"");
        text = GoogleAccessToken().Replace(text, Mask);
        text = Jwt().Replace(text, Mask);
        text = AuthorizationValue().Replace(text, m => m.Groups["name"].Value + Mask);
        return AccessKeyId().Replace(text, Mask);
    }

    /// <summary>A library exception's message, redacted, on one line.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return ServerText.Printable(Redact(exception.Message).Trim());
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bbearer\s+[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();

    /// <summary>Query, form and header parameters that carry a credential or a signature.</summary>
    [GeneratedRegex(
        @"\b(?<name>access_token|refresh_token|id_token|upload_id|upload_protocol|assertion|client_secret|code|key|sig|signature|awsaccesskeyid|x-goog-signature|x-goog-credential|x-amz-signature|x-amz-credential|x-amz-security-token)=[^&\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    [GeneratedRegex(
        @"""(?<name>access_token|refresh_token|id_token|private_key|client_secret|assertion)""\s*:\s*""(?:[^""\\]|\\.)*""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonField();

    [GeneratedRegex(@"\bya29\.[A-Za-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleAccessToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<name>(?:Authorization|X-Amz-Security-Token)\s*[:=]\s*)[^\r\n""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{12,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();
}
