namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// Where the Google APIs are reached. Storage follows the client library: its production endpoint, or
/// <c>STORAGE_EMULATOR_HOST</c> (then unauthenticated, as the library does for emulators); <see cref="StorageEndpointVariable"/>
/// names another endpoint that is used with the credential, as the real service is. Compute has no standard variable;
/// <see cref="ComputeEndpointVariable"/> overrides its root.
/// </summary>
/// <param name="Compute">The root the Compute REST paths (<c>compute/v1/…</c>) are appended to.</param>
/// <param name="Storage">
/// An explicit Cloud Storage JSON API base (<c>…/storage/v1/</c>) used with the credential; null lets the library
/// choose (production, or the emulator).
/// </param>
public sealed record GceEndpoints(Uri Compute, Uri? Storage = null)
{
    public const string ComputeEndpointVariable = "BIB_GCE_COMPUTE_ENDPOINT";

    public const string StorageEndpointVariable = "BIB_GCE_STORAGE_ENDPOINT";

    public static readonly Uri DefaultCompute = new("https://compute.googleapis.com/");

    /// <summary>Production endpoints, with the roots taken from <see cref="ComputeEndpointVariable"/> and <see cref="StorageEndpointVariable"/> when set.</summary>
    public static GceEndpoints FromEnvironment() =>
        new(FromVariable(ComputeEndpointVariable) ?? DefaultCompute, FromVariable(StorageEndpointVariable));

    private static Uri? FromVariable(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.Query.Length > 0)
        {
            throw new BibException($"{variable} must be an http or https URL without credentials or query");
        }

        return WithTrailingSlash(uri);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
