using BootcImageBuilder.Depsolve;
using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Tests.Depsolve;

public sealed class MtlsKeysTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-mtls-");

    // The tests' key files are host paths: the host's root is the tree they are resolved in.
    private static readonly ImageTree HostRoot = new("/");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Repositories_without_client_keys_need_no_keys()
    {
        Assert.Null(MtlsKeys.FromRepositories([new RepositoryConfig { Id = "a", SslClientKey = "" }, new RepositoryConfig { Id = "b" }], HostRoot));
    }

    [Fact]
    public void The_same_key_set_on_several_repositories_is_read_once()
    {
        var repository = KeyedRepository("a", "set1");

        var keys = MtlsKeys.FromRepositories([repository, repository with { Id = "b" }, new RepositoryConfig { Id = "c" }], HostRoot);

        Assert.NotNull(keys);
        Assert.Equal(("key set1", "cert set1", "ca set1"), (Text(keys.Key), Text(keys.Certificate), Text(keys.CaCertificate!)));
    }

    [Fact]
    public void Two_different_key_sets_are_unsupported()
    {
        var error = Assert.Throws<BibException>(() => MtlsKeys.FromRepositories([KeyedRepository("a", "set1"), KeyedRepository("b", "set2")], HostRoot));

        Assert.Equal("multiple TLS client keys found, this is currently unsupported", error.Message);
    }

    [Fact]
    public void A_missing_key_file_is_reported()
    {
        var repository = KeyedRepository("a", "set1") with { SslClientKey = Path.Join(_work.FullName, "gone.key") };

        var error = Assert.Throws<BibException>(() => MtlsKeys.FromRepositories([repository], HostRoot));

        Assert.Equal($"failed to read TLS client key from the container: {Path.Join(_work.FullName, "gone.key")} no such file or directory", error.Message);
    }

    [Fact]
    public void A_key_without_a_ca_certificate_uses_the_system_cas()
    {
        var repository = KeyedRepository("a", "set1") with { SslCaCert = null };

        var keys = MtlsKeys.FromRepositories([repository], HostRoot);

        Assert.NotNull(keys);
        Assert.Null(keys.CaCertificate);
        using var directory = MtlsKeyDirectory.Create(keys);
        Assert.Equal(
            [MtlsKeyDirectory.ClientCertificateVariable, MtlsKeyDirectory.ClientKeyVariable],
            directory.Environment.Keys.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Join(directory.Path, "ca.crt")));
    }

    [Fact]
    public void A_key_without_a_client_certificate_is_a_clear_error()
    {
        var repository = KeyedRepository("a", "set1") with { SslClientCert = "" };

        var error = Assert.Throws<BibException>(() => MtlsKeys.FromRepositories([repository], HostRoot));

        Assert.Equal("repository a has a TLS client key (sslclientkey) but no client certificate (sslclientcert)", error.Message);
    }

    [Fact]
    public void The_key_directory_holds_the_files_with_their_modes_and_names_them_in_the_environment()
    {
        string path;
        using (var directory = MtlsKeyDirectory.Create(new MtlsKeys("K"u8.ToArray(), "C"u8.ToArray(), "A"u8.ToArray())))
        {
            path = directory.Path;
            Assert.StartsWith("osbuild-mtls", Path.GetFileName(path), StringComparison.Ordinal);
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["OSBUILD_SOURCES_CURL_SSL_CLIENT_KEY"] = Path.Join(path, "client.key"),
                    ["OSBUILD_SOURCES_CURL_SSL_CLIENT_CERT"] = Path.Join(path, "client.crt"),
                    ["OSBUILD_SOURCES_CURL_SSL_CA_CERT"] = Path.Join(path, "ca.crt"),
                },
                directory.Environment);
            Assert.Equal(("K", Mode(0b110_000_000)), (File.ReadAllText(Path.Join(path, "client.key")), File.GetUnixFileMode(Path.Join(path, "client.key"))));
            Assert.Equal(("C", Mode(0b110_000_000)), (File.ReadAllText(Path.Join(path, "client.crt")), File.GetUnixFileMode(Path.Join(path, "client.crt"))));
            Assert.Equal(("A", Mode(0b110_100_100)), (File.ReadAllText(Path.Join(path, "ca.crt")), File.GetUnixFileMode(Path.Join(path, "ca.crt"))));
        }

        Assert.False(Directory.Exists(path));
    }

    private static UnixFileMode Mode(int bits) => (UnixFileMode)bits;

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private RepositoryConfig KeyedRepository(string id, string set)
    {
        var paths = new[] { "key", "cert", "ca" }.Select(kind =>
        {
            var path = Path.Join(_work.FullName, $"{set}.{kind}");
            File.WriteAllText(path, $"{kind} {set}");
            return path;
        }).ToArray();
        return new RepositoryConfig { Id = id, SslClientKey = paths[0], SslClientCert = paths[1], SslCaCert = paths[2] };
    }
}
