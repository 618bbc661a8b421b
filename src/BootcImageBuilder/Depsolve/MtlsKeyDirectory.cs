using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// A private temporary directory (<c>osbuild-mtls*</c>) holding <see cref="MtlsKeys"/> as files for osbuild, and the
/// environment variables that point osbuild's curl source at them. Disposing removes the directory.
/// </summary>
public sealed class MtlsKeyDirectory : IDisposable
{
    public const string ClientKeyVariable = "OSBUILD_SOURCES_CURL_SSL_CLIENT_KEY";
    public const string ClientCertificateVariable = "OSBUILD_SOURCES_CURL_SSL_CLIENT_CERT";
    public const string CaCertificateVariable = "OSBUILD_SOURCES_CURL_SSL_CA_CERT";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Readable = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private MtlsKeyDirectory(string path, bool withCa)
    {
        Path = path;
        var environment = new Dictionary<string, string>
        {
            [ClientKeyVariable] = System.IO.Path.Join(path, "client.key"),
            [ClientCertificateVariable] = System.IO.Path.Join(path, "client.crt"),
        };
        if (withCa)
        {
            environment[CaCertificateVariable] = System.IO.Path.Join(path, "ca.crt");
        }

        Environment = environment;
    }

    public string Path { get; }

    /// <summary>The variables to add to osbuild's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// Writes <paramref name="keys"/>: the key and certificate readable by the owner only, the CA certificate (when there
    /// is one; else curl trusts the system's CAs) by all.
    /// </summary>
    /// <exception cref="BibException">The directory or a file cannot be written.</exception>
    public static MtlsKeyDirectory Create(MtlsKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var directory = new MtlsKeyDirectory(TemporaryDirectory.Create("osbuild-mtls", "osbuild mTLS keys"), keys.CaCertificate is not null);

        try
        {
            Write(directory.Environment[ClientKeyVariable], keys.Key, Private, "TLS client key");
            Write(directory.Environment[ClientCertificateVariable], keys.Certificate, Private, "TLS client certificate");
            if (keys.CaCertificate is not null)
            {
                Write(directory.Environment[CaCertificateVariable], keys.CaCertificate, Readable, "TLS CA certificate");
            }

            return directory;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose() => TemporaryDirectory.Remove(Path);

    private static void Write(string path, byte[] contents, UnixFileMode mode, string what)
    {
        try
        {
            // Created with the final mode (no moment where a key is readable by others), then set exactly despite the umask.
            using (var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode }))
            {
                file.Write(contents);
            }

            File.SetUnixFileMode(path, mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"failed to write {what} for osbuild: {e.Message}", e);
        }
    }
}
