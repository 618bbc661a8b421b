namespace BootcImageBuilder.Depsolve;

/// <summary>
/// The TLS client key, certificate and CA certificate that the resolved repositories need, read from the
/// container (their paths point into the mounted root). osbuild's curl source gets them through
/// <see cref="MtlsKeyDirectory"/>.
/// </summary>
public sealed record MtlsKeys(byte[] Key, byte[] Certificate, byte[] CaCertificate)
{
    /// <summary>The keys of the repositories that have a client key, or null when none has one.</summary>
    /// <exception cref="BibException">Repositories use different key sets, or a file cannot be read.</exception>
    public static MtlsKeys? FromRepositories(IEnumerable<RepositoryConfig> repositories)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        var sets = repositories
            .Where(repository => repository.UsesClientCertificate)
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
        return new MtlsKeys(
            Read(key, "TLS client key"),
            Read(certificate, "TLS client certificate"),
            Read(ca, "TLS CA certificate"));
    }

    private static byte[] Read(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new BibException($"failed to read {what} from the container: {e.Message}", e);
        }
    }
}
