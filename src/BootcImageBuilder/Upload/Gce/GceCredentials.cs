using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Serilog;

namespace BootcImageBuilder.Upload.Gce;

/// <summary>Google application-default credentials, scoped for Cloud Storage and Compute Engine alike.</summary>
internal static class GceCredentials
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
    private const string CredentialsFileVariable = "GOOGLE_APPLICATION_CREDENTIALS";

    /// <summary>A token for one request; a refused token request is a <see cref="BibException"/> with Google's error code.</summary>
    public static async Task<string> AccessTokenAsync(ITokenAccess credential, Uri requestUri, CancellationToken cancellationToken)
    {
        try
        {
            // A token request that stalls is not cancelled by the library (its refresh is shared); the wait is.
            return await credential.GetAccessTokenForRequestAsync(requestUri.ToString(), cancellationToken).WaitAsync(cancellationToken);
        }
        catch (TokenResponseException e)
        {
            throw new BibException(DescribeTokenFailure(e), e);
        }
    }

    public static string DescribeTokenFailure(TokenResponseException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var error = failure.Error;
        var text = string.IsNullOrEmpty(error?.ErrorDescription) ? error?.Error : $"{error.Error}: {error.ErrorDescription}";
        return ServerText.Printable(SecretRedaction.Redact($"cannot get a Google access token: {text ?? "refused"}"));
    }

    /// <summary>Where gcloud keeps application-default credentials, which the library reads when the variable is unset.</summary>
    private static string WellKnownFile()
    {
        var config = Environment.GetEnvironmentVariable("CLOUDSDK_CONFIG") is { Length: > 0 } dir
            ? dir
            : Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "gcloud");
        return Path.Join(config, "application_default_credentials.json");
    }

    public static async Task<GoogleCredential> LoadAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(CredentialsFileVariable) is { Length: > 0 } path && !File.Exists(path) && !Directory.Exists(path))
        {
            throw new BibException($"cannot load Google credentials: {CredentialsFileVariable} names no file");
        }

        try
        {
            CredentialFiles.CheckVariable(CredentialsFileVariable, WellKnownFile());
        }
        catch (BibException e)
        {
            throw BibException.Wrap("cannot load Google credentials", e);
        }

        try
        {
            var credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).WaitAsync(cancellationToken);
            return credential.CreateScoped(CloudPlatformScope);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException
                                  or ArgumentException or Newtonsoft.Json.JsonException)
        {
            // The library's text may quote the credential file; only the kind of failure is logged.
            Log.Debug("loading application default credentials failed with {ExceptionType}", e.GetType().Name);
            throw new BibException(
                "cannot load Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service account key or run "
                + "'gcloud auth application-default login' (the credentials found could not be read)");
        }
    }
}
