using BootcImageBuilder.Depsolve;
using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.IntegrationTests.Depsolve;

/// <summary>
/// An image's repository configuration that points out of the image (paths with <c>..</c>, absolute and relative
/// links, a linked repository directory) or at a FIFO: both solvers, and the tool's own key reader, see only the
/// image. Every host file such a path reaches holds a unique marker, and the image holds its own file at the place
/// the path names inside the image.
/// </summary>
[Collection(DepsolveTestGroup.Name)]
public sealed class HostileRepositoryTests(DepsolveFixture fixture) : IDisposable
{
    private const string ImageKey = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nimage key\n-----END PGP PUBLIC KEY BLOCK-----\n";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-hostile-repo-");
    private readonly DirectoryInfo _host = Directory.CreateTempSubdirectory("bib-test-hostile-host-");
    private readonly string _marker = "HOSTMARKER-" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        _work.Delete(recursive: true);
        _host.Delete(recursive: true);
    }

    private string Root => Path.Join(_work.FullName, "root");

    private string Cache => Path.Join(_work.FullName, "cache");

    // Deep enough that the joined path reaches the host's / from the root.
    private static string Up => string.Concat(Enumerable.Repeat("../", 20));

    public static TheoryData<string, string> KeyPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var solver in (string[])[Solvers.Osbuild, Solvers.Helper])
        {
            data.Add(solver, "dotdot path");
            data.Add(solver, "absolute link");
            data.Add(solver, "relative link");
            data.Add(solver, "linked directory");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeyPaths))]
    public async Task A_gpg_key_path_is_resolved_inside_the_image(string solver, string how)
    {
        var hostKey = HostFile("keys/RPM-GPG-KEY");
        ImageFile(hostKey, ImageKey);
        var url = how switch
        {
            "dotdot path" => "file:///" + Up + hostKey.TrimStart('/'),
            "absolute link" => ImageLink("etc/pki/rpm-gpg/KEY", hostKey),
            "relative link" => ImageLink("etc/pki/rpm-gpg/KEY", Up + hostKey.TrimStart('/')),
            "linked directory" => ImageLink("etc/pki/rpm-gpg", Path.GetDirectoryName(hostKey)!) + "/RPM-GPG-KEY",
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        WriteRepoFile("test.repo", Repo("bib-test", $"gpgkey={url}\n"));

        var result = await DepsolveAsync(solver);

        Assert.Equal([ImageKey], Assert.Single(result.Repositories).GpgKeys);
        AssertNoMarker(result);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_repository_directory_linked_out_of_the_image_is_read_inside_it(string solver)
    {
        var hostRepos = Path.Join(_host.FullName, "yum.repos.d");
        Directory.CreateDirectory(hostRepos);
        File.WriteAllText(Path.Join(hostRepos, "host.repo"), Repo("host" + _marker[^8..], "") + $"# {_marker}\n");
        ImageFile(Path.Join(hostRepos, "image.repo"), Repo("image", ""));
        Directory.CreateDirectory(Path.Join(Root, "etc"));
        File.CreateSymbolicLink(Path.Join(Root, "etc/yum.repos.d"), hostRepos);

        var result = await DepsolveAsync(solver);

        Assert.Equal("image", Assert.Single(result.Repositories).Id);
        AssertNoMarker(result);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task Tls_paths_are_resolved_inside_the_image_and_read_from_it(string solver)
    {
        var hostKey = HostFile("tls/client.key");
        var hostCert = HostFile("tls/client.crt");
        var hostCa = HostFile("tls/ca.crt");
        ImageFile(hostKey, "image client key");
        ImageFile(hostCert, "image client cert");
        ImageFile(hostCa, "image ca");
        ImageLink("etc/pki/tls/client.crt", hostCert);
        WriteRepoFile("test.repo", Repo(
            "bib-test",
            $"sslclientkey=/{Up}{hostKey.TrimStart('/')}\nsslclientcert=/etc/pki/tls/client.crt\nsslcacert={Up}{hostCa.TrimStart('/')}\n"));

        var result = await DepsolveAsync(solver);
        var keys = MtlsKeys.FromRepositories(result.Repositories, new ImageTree(Root));

        Assert.NotNull(keys);
        Assert.Equal(("image client key", "image client cert", "image ca"), (Text(keys.Key), Text(keys.Certificate), Text(keys.CaCertificate!)));
        AssertNoMarker(result);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_fifo_as_the_tls_client_key_is_refused_without_blocking(string solver)
    {
        ImageFile("/etc/pki/tls/client.crt", "image client cert");
        Directory.CreateDirectory(Path.Join(Root, "etc/pki/tls"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Join(Root, "etc/pki/tls/client.key")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        WriteRepoFile("test.repo", Repo("bib-test", "sslclientkey=/etc/pki/tls/client.key\nsslclientcert=/etc/pki/tls/client.crt\n"));

        var error = await Assert.ThrowsAsync<BibException>(() => Task.Run(async () =>
        {
            var result = await DepsolveAsync(solver);
            return MtlsKeys.FromRepositories(result.Repositories, new ImageTree(Root));
        }).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("failed to read TLS client key from the container: /etc/pki/tls/client.key is a named pipe, not a regular file", error.Message);
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_remote_gpg_key_that_never_answers_fails_within_the_time_limit(string solver)
    {
        using var silent = KeyServer(out var url);
        WriteRepoFile("test.repo", Repo("bib-test", $"gpgkey={url}\n"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver).WaitAsync(TimeSpan.FromSeconds(120)));

        Assert.Equal($"DNF error occurred: GPGKeyReadError: error reading remote gpg key at {url} for repository bib-test: no answer within 30 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_remote_gpg_key_larger_than_the_bound_is_refused(string solver)
    {
        using var server = KeyServer(out var url);
        var answer = AnswerOnceAsync(server, new string('k', (int)ResolvedRepositoryRoot.MaxFileBytes + 1));
        WriteRepoFile("test.repo", Repo("bib-test", $"gpgkey={url}\n"));

        var error = await Assert.ThrowsAsync<DepsolveException>(() => DepsolveAsync(solver).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal($"DNF error occurred: GPGKeyReadError: error reading remote gpg key at {url} for repository bib-test: the key is larger than 1048576 bytes", error.Message);
        await answer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(Solvers.Both), MemberType = typeof(Solvers))]
    public async Task A_remote_gpg_key_is_fetched_by_the_tool_and_reaches_the_result(string solver)
    {
        using var server = KeyServer(out var url);
        var answer = AnswerOnceAsync(server, ImageKey);
        WriteRepoFile("test.repo", Repo("bib-test", $"gpgkey={url}\n"));

        var result = await DepsolveAsync(solver).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([ImageKey], Assert.Single(result.Repositories).GpgKeys);
        await answer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    // A server on 127.0.0.1 that accepts connections (the kernel does) and answers only what the test makes it.
    private static System.Net.Sockets.TcpListener KeyServer(out string url)
    {
        var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        url = $"http://127.0.0.1:{((System.Net.IPEndPoint)server.LocalEndpoint).Port}/RPM-GPG-KEY";
        return server;
    }

    // Answers one request with body, then closes; a solver that asked again would find nobody listening.
    private static async Task AnswerOnceAsync(System.Net.Sockets.TcpListener server, string body)
    {
        using var client = await server.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        var request = new byte[4096];
        _ = await stream.ReadAsync(request);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The reader stopped at its bound and closed the connection.
        }

        server.Stop();
    }

    private Task<DepsolveResult> DepsolveAsync(string solver) =>
        Solvers.Create(solver, fixture).DepsolveAsync(
            new DepsolveRequest("platform:el9", "9", "x86_64", Cache, Root, [new PackageSet("base")]), CancellationToken.None);

    private string Repo(string id, string extra) =>
        $"[{id}]\nname={id}\nbaseurl=file://{fixture.RepositoryDirectory}\nenabled=1\ngpgcheck=0\n{extra}";

    /// <summary>A host file holding the marker; its absolute path.</summary>
    private string HostFile(string relative)
    {
        var path = Path.Join(_host.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"{_marker} {relative}\n");
        return path;
    }

    /// <summary>A file of the image at <paramref name="imagePath"/> (absolute inside the image).</summary>
    private void ImageFile(string imagePath, string text)
    {
        var path = Path.Join(Root, imagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A link of the image at <paramref name="imagePath"/> with the target text <paramref name="target"/>; its file:// URL.</summary>
    private string ImageLink(string imagePath, string target)
    {
        var path = Path.Join(Root, imagePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return "file:///" + imagePath;
    }

    private void WriteRepoFile(string name, string text) => ImageFile("/etc/yum.repos.d/" + name, text);

    private void AssertNoMarker(DepsolveResult result)
    {
        var text = string.Join('\n', result.Repositories.SelectMany(r => (string?[])[r.Id, r.Name, r.SslCaCert, r.SslClientKey, r.SslClientCert, .. r.GpgKeys]));
        Assert.DoesNotContain(_marker, text, StringComparison.Ordinal);
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
