namespace BootcImageBuilder.Upload.Gce;

/// <summary>One line for a failure of Google's libraries: the service's own message and status, scrubbed of secrets.</summary>
internal static class GoogleErrors
{
    public static string Describe(Exception e) => e switch
    {
        Google.GoogleApiException api when api.Error?.Message is { Length: > 0 } message =>
            ServerText.Printable(SecretRedaction.Redact($"{message} (HTTP {(int)api.HttpStatusCode})")),
        Google.GoogleApiException api => $"HTTP {(int)api.HttpStatusCode}",
        Google.Apis.Auth.OAuth2.Responses.TokenResponseException token => GceCredentials.DescribeTokenFailure(token),
        _ => SecretRedaction.Describe(e),
    };
}
