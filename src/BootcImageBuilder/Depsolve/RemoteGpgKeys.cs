using System.Net.Http;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// Fetches a repository's <c>http(s)</c> gpg keys for <see cref="ResolvedRepositoryRoot"/>, so that no solver fetches
/// them itself: osbuild's has no time limit, and a key server that accepts and never answers would hang depsolve.
/// Each key must arrive within <see cref="TimeLimit"/> and hold at most <see cref="ResolvedRepositoryRoot.MaxFileBytes"/>.
/// </summary>
internal sealed class RemoteGpgKeys : IDisposable
{
    /// <summary>How long one key may take, from connecting to its last byte.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static bool IsRemote(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The key at <paramref name="url"/>, named by repository <paramref name="repositoryId"/>.</summary>
    /// <exception cref="DepsolveException">The key did not arrive in time, was too large, or the server refused it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<byte[]> FetchAsync(string url, string repositoryId, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(url, repositoryId, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(limit.Token);
            using var contents = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, limit.Token)) > 0)
            {
                if (contents.Length + read > ResolvedRepositoryRoot.MaxFileBytes)
                {
                    throw Failure(url, repositoryId, $"the key is larger than {ResolvedRepositoryRoot.MaxFileBytes} bytes");
                }

                contents.Write(buffer, 0, read);
            }

            return contents.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure(url, repositoryId, $"no answer within {TimeLimit.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or UriFormatException)
        {
            throw Failure(url, repositoryId, e.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    private static DepsolveException Failure(string url, string repositoryId, string reason) =>
        new("GPGKeyReadError", $"error reading remote gpg key at {url} for repository {repositoryId}: {reason}");
}
