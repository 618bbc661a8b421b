using BootcImageBuilder.Depsolve;

namespace BootcImageBuilder.Tests.Depsolve;

public sealed class RhsmSecretsTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bib-test-rhsm-");

    private string Host => Path.Join(_work.FullName, "host");

    private string Root => Path.Join(_work.FullName, "root");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void Secrets_are_copied_with_links_followed_and_dangling_links_skipped()
    {
        Write("host/run/secrets/redhat.repo", "[rhel]\n");
        Write("host/usr/share/rhel/secrets/real/etc-pki-entitlement/1.pem", "cert\n");
        Directory.CreateSymbolicLink(Path.Join(Host, "usr/share/rhel/secrets/etc-pki-entitlement"), "real/etc-pki-entitlement");
        File.CreateSymbolicLink(Path.Join(Host, "usr/share/rhel/secrets/dangling"), "/nowhere");
        Directory.CreateDirectory(Path.Join(Root, "etc/pki"));

        Secrets().Install(Root);

        Assert.Equal("[rhel]\n", File.ReadAllText(Path.Join(Root, "run/secrets/redhat.repo")));
        var copied = new DirectoryInfo(Path.Join(Root, "run/secrets/etc-pki-entitlement"));
        Assert.Null(copied.LinkTarget);
        Assert.Equal("cert\n", File.ReadAllText(Path.Join(copied.FullName, "1.pem")));
        Assert.False(Path.Exists(Path.Join(Root, "run/secrets/dangling")));
    }

    [Fact]
    public void Existing_secrets_in_the_root_are_left_alone()
    {
        Write("root/run/secrets/redhat.repo", "from the image\n");
        Write("host/run/secrets/redhat.repo", "from the host\n");
        Write("host/run/secrets/other", "x");
        Directory.CreateDirectory(Path.Join(Root, "etc/pki"));

        Secrets().Install(Root);

        Assert.Equal("from the image\n", File.ReadAllText(Path.Join(Root, "run/secrets/redhat.repo")));
        Assert.False(File.Exists(Path.Join(Root, "run/secrets/other")));
    }

    [Fact]
    public void Host_links_are_repointed_relatively_into_the_root()
    {
        Directory.CreateDirectory(Path.Join(Root, "etc/pki"));
        File.CreateSymbolicLink(Path.Join(Root, "etc/pki/entitlement-host"), "/run/secrets/etc-pki-entitlement");
        File.WriteAllText(Path.Join(Root, "etc/rhsm-host"), "a file");

        Secrets().Install(Root);

        Assert.Equal("../../run/secrets/etc-pki-entitlement", new FileInfo(Path.Join(Root, "etc/pki/entitlement-host")).LinkTarget);
        Assert.Equal("../run/secrets/rhsm", new FileInfo(Path.Join(Root, "etc/rhsm-host")).LinkTarget);
    }

    [Fact]
    public void A_root_without_etc_pki_has_nothing_to_repoint()
    {
        Write("host/run/secrets/redhat.repo", "[rhel]\n");
        Directory.CreateDirectory(Path.Join(Root, "etc"));

        Secrets().Install(Root);

        Assert.False(Path.Exists(Path.Join(Root, "etc/pki")));
        Assert.Equal("../run/secrets/rhsm", new FileInfo(Path.Join(Root, "etc/rhsm-host")).LinkTarget);
        Assert.True(File.Exists(Path.Join(Root, "run/secrets/redhat.repo")));
    }

    [Fact]
    public void Nothing_is_written_through_a_link_in_the_image()
    {
        Write("host/run/secrets/redhat.repo", "[rhel]\n");
        var outside = Directory.CreateDirectory(Path.Join(_work.FullName, "outside"));
        Directory.CreateDirectory(Root);
        Directory.CreateSymbolicLink(Path.Join(Root, "run"), outside.FullName);
        Directory.CreateSymbolicLink(Path.Join(Root, "etc"), outside.FullName);

        Secrets().Install(Root);

        Assert.Empty(outside.EnumerateFileSystemInfos());
    }

    private RhsmSecrets Secrets() => new([Path.Join(Host, "run/secrets"), Path.Join(Host, "usr/share/rhel/secrets"), Path.Join(Host, "missing")]);

    private void Write(string relativePath, string contents)
    {
        var path = Path.Join(_work.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
    }
}
