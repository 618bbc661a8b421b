namespace BootcImageBuilder.Upload.Gce;

/// <summary>
/// Where the Google APIs are reached. Storage follows the client library: its production endpoint, or
/// <c>STORAGE_EMULATOR_HOST</c> (then unauthenticated, as the library does for emulators). Compute has no such
/// standard variable; <see cref="ComputeEndpointVariable"/> overrides its root.
/// </summary>
/// <param name="Compute">The root the Compute REST paths (<c>compute/v1/…</c>) are appended to.</param>
/// <param name="Storage">
/// An explicit Cloud Storage JSON API base (<c>…/storage/v1/</c>) used with the credential; null lets the library
/// choose (production, or the emulator).
/// </param>
public sealed record GceEndpoints(Uri Compute, Uri? Storage = null)
{
    public const string ComputeEndpointVariable = "BIB_GCE_COMPUTE_ENDPOINT";

    public static readonly Uri DefaultCompute = new("https://compute.googleapis.com/");

    /// <summary>Production endpoints, with the Compute root taken from <see cref="ComputeEndpointVariable"/> when set.</summary>
    public static GceEndpoints FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(ComputeEndpointVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new GceEndpoints(DefaultCompute);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var compute) || compute.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(compute.UserInfo) || compute.Query.Length > 0)
        {
            throw new BibException($"{ComputeEndpointVariable} must be an http or https URL without credentials or query");
        }

        return new GceEndpoints(WithTrailingSlash(compute));
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
