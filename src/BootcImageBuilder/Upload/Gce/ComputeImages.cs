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

    private Uri ProjectUri(string project, string rest) => new(root, $"{Scope}{Uri.EscapeDataString(project)}/{rest}");

    private async Task<ComputeOperation> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GceCredentials.AccessTokenAsync(credential, request.RequestUri!, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BibException(DescribeFailure(response, body));
        }

        try
        {
            return JsonSerializer.Deserialize(body, ComputeJsonContext.Default.ComputeOperation)
                   ?? throw new BibException("Compute Engine answered with an empty operation");
        }
        catch (JsonException)
        {
            throw new BibException($"Compute Engine answered {(int)response.StatusCode} with a body that is not an operation");
        }
    }

    /// <summary>Google's error message when the body has one, else the status; scrubbed either way.</summary>
    private static string DescribeFailure(HttpResponseMessage response, string body)
    {
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize(body, ComputeJsonContext.Default.ComputeErrorResponse)?.Error?.Message;
        }
        catch (JsonException)
        {
        }

        var status = $"HTTP {(int)response.StatusCode}";
        return message is { Length: > 0 } ? SecretScrubber.Scrub($"{message} ({status})") : status;
    }
}
