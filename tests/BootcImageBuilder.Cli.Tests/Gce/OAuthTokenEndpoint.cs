using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>
/// Google's OAuth 2.0 token endpoint for service accounts (RFC 7523 JWT bearer grant): the assertion must be an
/// RS256 JWT signed by the account's key, issued by its email, for Google's token audience, asking for cloud-platform, valid now for
/// at most an hour. Anything else is refused as Google refuses it (400 invalid_grant / invalid_request).
/// </summary>
internal sealed class OAuthTokenEndpoint(ServiceAccountKeyHolder keys, GoogleCloudTestServer server)
{
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>The documented audience of a token request, whatever address the request is sent to.</summary>
    public const string Audience = "https://oauth2.googleapis.com/token";

    public string IssuedToken { get; } = "ya29.bib-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public int TokensIssued { get; private set; }

    public async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (request.HttpMethod != "POST" || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            await server.RefuseAsync(context, 400, "token request must be a form POST", oauthError: "invalid_request");
            return;
        }

        var form = ParseForm(await GoogleCloudTestServer.ReadBodyAsync(request));
        if (form.GetValueOrDefault("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" || form.GetValueOrDefault("assertion") is not { } assertion)
        {
            await server.RefuseAsync(context, 400, "grant_type must be jwt-bearer with an assertion", oauthError: "unsupported_grant_type");
            return;
        }

        if (CheckAssertion(assertion) is { } problem)
        {
            await server.RefuseAsync(context, 400, problem, oauthError: "invalid_grant");
            return;
        }

        TokensIssued++;
        await GoogleCloudTestServer.WriteJsonAsync(context, 200, new Dictionary<string, object>
        {
            ["access_token"] = IssuedToken,
            ["expires_in"] = 3599,
            ["token_type"] = "Bearer",
        });
    }

    private string? CheckAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "assertion is not a JWS compact serialization";
        }

        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return "assertion must be signed with RS256";
        }

        var key = keys.Current ?? throw new InvalidOperationException("no service account key");
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!key.Rsa.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "Invalid JWT Signature.";
        }

        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        var root = claims.RootElement;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var iat = root.GetProperty("iat").GetInt64();
        var exp = root.GetProperty("exp").GetInt64();
        return root.GetProperty("iss").GetString() != ServiceAccountKey.ClientEmail ? "iss is not the service account"
            : root.GetProperty("aud").GetString() != Audience ? "aud is not Google's token endpoint"
            : !root.TryGetProperty("scope", out var scope) || !(scope.GetString() ?? "").Split(' ').Contains(CloudPlatformScope)
                ? "scope does not include cloud-platform"
            : iat > now + 60 || exp < now || exp - iat > 3600 ? "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
            : null;
    }

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}

/// <summary>The key the token endpoint verifies against, set once the key (which names the endpoint) exists.</summary>
internal sealed class ServiceAccountKeyHolder
{
    public ServiceAccountKey? Current { get; set; }
}
