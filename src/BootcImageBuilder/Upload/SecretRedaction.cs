using System.Text.RegularExpressions;

namespace BootcImageBuilder.Upload;

/// <summary>
/// Removes credentials from text that came from a cloud SDK or service before it reaches output, logs or errors:
/// the values of the credential variables in the environment, access key ids, and the signing parts of
/// presigned URLs and authorization headers.
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

        text = SigningParameter().Replace(text, m => m.Groups["name"].Value + "=" + Mask);
        text = AuthorizationValue().Replace(text, m => m.Groups["name"].Value + Mask);
        return AccessKeyId().Replace(text, Mask);
    }

    [GeneratedRegex(@"(?<name>X-Amz-(?:Signature|Credential|Security-Token)|X-Goog-(?:Signature|Credential)|Signature|AWSAccessKeyId|access_token|sig)=[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex SigningParameter();

    [GeneratedRegex(@"(?<name>(?:Authorization|X-Amz-Security-Token)\s*[:=]\s*)[^\r\n""']+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{12,}\b")]
    private static partial Regex AccessKeyId();
}
