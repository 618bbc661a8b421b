using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Depsolve;

/// <summary>
/// The TLS client key, certificate and (optional) CA certificate that the resolved repositories need, read from the
/// image (their paths are paths inside it, resolved with <see cref="ImageTree"/>'s rules). osbuild's curl source gets
/// them through <see cref="MtlsKeyDirectory"/>; without a CA certificate it trusts the system's CAs.
/// </summary>
public sealed record MtlsKeys(byte[] Key, byte[] Certificate, byte[]? CaCertificate)
{
    /// <summary>The most a key or certificate file may hold.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The keys of the repositories that have a client key, or null when none has one.</summary>
    /// <exception cref="BibException">Repositories use different key sets, a key has no certificate, or a file cannot be read.</exception>
    public static MtlsKeys? FromRepositories(IEnumerable<RepositoryConfig> repositories, ImageTree image)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        ArgumentNullException.ThrowIfNull(image);
        var keyed = repositories.Where(repository => repository.UsesClientCertificate).ToList();
        var sets = keyed
            .Select(repository => (Key: repository.SslClientKey!, Certificate: repository.SslClientCert ?? "", Ca: repository.SslCaCert ?? ""))
            .Distinct()
            .ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        if (sets.Count > 1)
        {
            throw new BibException("multiple TLS client keys found, this is currently unsupported");
        }

        var (key, certificate, ca) = sets[0];
        if (certificate.Length == 0)
        {
            throw new BibException($"repository {keyed[0].Id} has a TLS client key (sslclientkey) but no client certificate (sslclientcert)");
        }

        return new MtlsKeys(
            Read(image, key, "TLS client key"),
            Read(image, certificate, "TLS client certificate"),
            ca.Length == 0 ? null : Read(image, ca, "TLS CA certificate"));
    }

    private static byte[] Read(ImageTree image, string path, string what)
    {
        try
        {
            return image.ReadBytes(path, MaxFileBytes) ?? throw new BoundedFileException(FileKind.Missing, BoundedFile.Describe(FileKind.Missing));
        }
        catch (BoundedFileException e)
        {
            throw new BibException($"failed to read {what} from the container: {path} {e.Message}", e);
        }
    }
}
