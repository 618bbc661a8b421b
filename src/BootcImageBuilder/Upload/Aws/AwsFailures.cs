using Amazon.Runtime;

namespace BootcImageBuilder.Upload.Aws;

/// <summary>Turns what the SDK or the network threw into a user error whose text holds no secret.</summary>
internal static class AwsFailures
{
    /// <summary>
    /// The service's error code and message, or the client's message, redacted. The SDK exception is not kept as
    /// the inner exception, so nothing that logs exceptions can print its raw text later.
    /// </summary>
    public static BibException Wrap(string context, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new BibException($"{context}{Describe(failure)}");
    }

    public static bool IsSdkOrNetwork(Exception failure) =>
        failure is AmazonClientException or HttpRequestException or IOException or TimeoutException;

    private static string Describe(Exception failure)
    {
        var text = failure switch
        {
            AmazonServiceException { ErrorCode: { Length: > 0 } code } service => $"{code}: {service.Message}",
            AmazonClientException { InnerException: HttpRequestException http } => http.Message,
            _ => failure.Message,
        };
        return SecretRedaction.Redact(text.ReplaceLineEndings(" ").Trim());
    }
}
