using System.Xml;
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

    /// <summary>
    /// What the SDK throws for a refusal (<see cref="AmazonServiceException"/> and its subclasses, unmarshalling
    /// failures among them) or for a failure on this side (<see cref="AmazonClientException"/>: credentials,
    /// configuration), and what the network and the XML reader throw under it.
    /// </summary>
    public static bool IsSdkOrNetwork(Exception failure) =>
        failure is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException or XmlException;

    /// <summary>
    /// A refusal in the words of upstream's Go SDK (<c>https response error StatusCode: 403, RequestID: …, api error
    /// AccessDenied: Access Denied</c>); the body of an answer that is not AWS's XML is never quoted, it may echo the request.
    /// </summary>
    private static string Describe(Exception failure)
    {
        var text = failure switch
        {
            AmazonUnmarshallingException service => $"{Response(service)}, deserialization failed: the body is not the XML AWS sends",
            AmazonServiceException { ErrorCode: { Length: > 0 } code } service => $"{Response(service)}, api error {code}: {service.Message}",
            AmazonServiceException service => $"{Response(service)}, {service.Message}",
            AmazonClientException { InnerException: HttpRequestException http } => http.Message,
            XmlException => "deserialization failed: the body is not the XML AWS sends",
            _ => failure.Message,
        };
        return ServerText.Printable(SecretRedaction.Redact(text.Trim()));
    }

    private static string Response(AmazonServiceException failure) =>
        $"https response error StatusCode: {(int)failure.StatusCode}, RequestID: {failure.RequestId}";
}
