using System.Diagnostics;
using System.Security.Cryptography;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Randomness;

public sealed class StoreSecretTests : IDisposable
{
    private readonly string _store = Path.Join(Directory.CreateTempSubdirectory("bib-secret-").FullName, "store");

    private string SecretPath => Path.Join(_store, StoreSecret.FileName);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_store)!, recursive: true);

    private static byte[] Probe(StoreSecret secret) => secret.KeyedHash("probe"u8);

    [Fact]
    public void First_use_makes_the_store_and_32_random_bytes_readable_only_by_their_owner()
    {
        var secret = StoreSecret.LoadOrCreate(_store);

        Assert.Equal(SecretPath, secret.Path);
        Assert.Equal(StoreSecret.Length, new FileInfo(SecretPath).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SecretPath));
        Assert.Equal(CurrentUser(), Owner(SecretPath));
        Assert.Equal(HMACSHA256.HashData(File.ReadAllBytes(SecretPath), "probe"u8), Probe(secret));
        Assert.Equal([StoreSecret.FileName], Directory.GetFileSystemEntries(_store).Select(Path.GetFileName));
    }

    [Fact]
    public void Later_uses_read_the_same_secret_and_another_store_has_its_own()
    {
        var first = Probe(StoreSecret.LoadOrCreate(_store));

        Assert.Equal(first, Probe(StoreSecret.LoadOrCreate(_store)));
        Assert.NotEqual(first, Probe(StoreSecret.LoadOrCreate(_store + "-other")));
        Directory.Delete(_store + "-other", recursive: true);
    }

    [Fact]
    public void Builds_starting_together_on_a_new_store_all_get_the_one_secret_made()
    {
        // The window between a file's creation and its bytes is short: race many times on fresh stores.
        const int rounds = 40;
        const int builds = 8;
        for (var round = 0; round < rounds; round++)
        {
            var store = Path.Join(_store, $"round-{round}");
            using var start = new Barrier(builds);
            var secrets = new byte[builds][];
            var errors = new Exception?[builds];
            var threads = Enumerable.Range(0, builds).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    secrets[i] = Probe(StoreSecret.LoadOrCreate(store));
                }
                catch (BibException e)
                {
                    errors[i] = e;
                }
            })).ToList();

            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.All(errors, e => Assert.Null(e));
            Assert.All(secrets, s => Assert.Equal(secrets[0], s));
            Assert.Equal([StoreSecret.FileName], Directory.GetFileSystemEntries(store).Select(Path.GetFileName));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void A_secret_of_the_wrong_length_is_an_error_not_a_new_secret(int length)
    {
        Directory.CreateDirectory(_store);
        File.WriteAllBytes(SecretPath, new byte[length]);

        var error = Assert.Throws<BibException>(() => StoreSecret.LoadOrCreate(_store));

        Assert.Equal(
            $"the secret of the osbuild store {SecretPath} is malformed ({length} bytes, expected 32); remove it to start the store's reuse afresh",
            error.Message);
        Assert.Equal(length, new FileInfo(SecretPath).Length);
    }

    [Fact]
    public void A_secret_that_is_not_a_regular_file_is_refused_without_opening_it()
    {
        Directory.CreateDirectory(_store);
        Assert.Equal(0, Process.Start("mkfifo", [SecretPath]) is { } mkfifo && mkfifo.WaitForExit(5000) ? mkfifo.ExitCode : -1);

        var error = Assert.Throws<BibException>(() => StoreSecret.LoadOrCreate(_store));

        Assert.Equal($"cannot read the secret of the osbuild store {SecretPath}: is a named pipe, not a regular file", error.Message);
    }

    [Fact]
    public void A_secret_behind_a_link_is_refused()
    {
        Directory.CreateDirectory(_store);
        var elsewhere = Path.Join(Path.GetDirectoryName(_store)!, "elsewhere");
        File.WriteAllBytes(elsewhere, new byte[StoreSecret.Length]);
        File.CreateSymbolicLink(SecretPath, elsewhere);

        var error = Assert.Throws<BibException>(() => StoreSecret.LoadOrCreate(_store));

        Assert.Equal($"cannot read the secret of the osbuild store {SecretPath}: is a symbolic link", error.Message);
    }

    [Fact]
    public void A_store_that_cannot_be_made_is_an_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_store)!);
        File.WriteAllText(_store, "a file where the store should be");

        var error = Assert.Throws<BibException>(() => StoreSecret.LoadOrCreate(_store));

        Assert.StartsWith($"cannot create the secret of the osbuild store {SecretPath}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_secret_is_never_in_its_text()
    {
        var secret = StoreSecret.LoadOrCreate(_store);
        var bytes = File.ReadAllBytes(SecretPath);

        Assert.Equal($"StoreSecret {{ Path = {SecretPath} }}", secret.ToString());
        Assert.DoesNotContain(Convert.ToHexString(bytes), secret.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static string CurrentUser() => Run("id", "-u");

    private static string Owner(string path) => Run("stat", "-c", "%u", path);

    private static string Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
