using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// The two Compute Engine REST calls an image import needs, <c>images.insert</c> and <c>globalOperations.get</c>
/// (no Compute client package is available, so the JSON is ours).
/// </summary>
internal sealed class ComputeImages(HttpClient http, Uri root, ITokenAccess credential)
{
    private const string Scope = "compute/v1/projects/";

    public async Task<ComputeOperation> InsertAsync(string project, ComputeImage image, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProjectUri(project, "global/images"))
        {
            Content = JsonContent.Create(image, ComputeJsonContext.Default.ComputeImage),
        };
        return await SendAsync(request, cancellationToken);
    }

    public async Task<ComputeOperation> GetGlobalOperationAsync(string project, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProjectUri(project, $"global/operations/{Uri.EscapeDataString(operation)}"));
        return await SendAsync(request, cancellationToken);
    }

    /// <summary><c>images.get</c>: true when the project has an image of that name.</summary>
    public async Task<bool> ImageExistsAsync(string project, string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProjectUri(project, $"global/images/{Uri.EscapeDataString(name)}"));
        var (status, body) = await SendRawAsync(request, cancellationToken);
        return status switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw new BibException(DescribeFailure(status, body)),
        };
    }

    /// <summary>A token, as every call gets one; a refused key fails here, the same way whichever API comes first.</summary>
    public Task<string> TokenAsync(CancellationToken cancellationToken) =>
        GceCredentials.AccessTokenAsync(credential, root, cancellationToken);

    private Uri ProjectUri(string project, string rest) => new(root, $"{Scope}{Uri.EscapeDataString(project)}/{rest}");

    private async Task<(HttpStatusCode Status, string Body)> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GceCredentials.AccessTokenAsync(credential, request.RequestUri!, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task<ComputeOperation> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (status, body) = await SendRawAsync(request, cancellationToken);
        if ((int)status is < 200 or > 299)
        {
            throw new BibException(DescribeFailure(status, body));
        }

        try
        {
            return JsonSerializer.Deserialize(body, ComputeJsonContext.Default.ComputeOperation)
                   ?? throw new BibException("Compute Engine answered with an empty operation");
        }
        catch (JsonException)
        {
            throw new BibException($"Compute Engine answered {(int)status} with a body that is not an operation");
        }
    }

    /// <summary>Google's error message when the body has one, else the status; scrubbed either way.</summary>
    private static string DescribeFailure(HttpStatusCode statusCode, string body)
    {
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(body, ComputeJsonContext.Default.ComputeErrorResponse)?.Error?.Message;
        }
        catch (JsonException)
        {
        }

        var status = $"HTTP {(int)statusCode}";
        return message is { Length: > 0 } ? ServerText.Printable(SecretRedaction.Redact($"{message} ({status})")) : status;
    }
}
