using BootcImageBuilder.Randomness;
using BootcImageBuilder.Security;

namespace BootcImageBuilder.Tests.Security;

public class PasswordCryptTests
{
    [Fact]
    public void Sha512_matches_the_known_glibc_vector()
    {
        // The example from the SHA-crypt specification (Drepper), rounds=5000 implied.
        Assert.Equal(
            "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
            PasswordCrypt.Sha512("Hello world!", "saltstring"));
    }

    [Fact]
    public void A_plaintext_password_is_hashed_and_never_kept()
    {
        var hash = PasswordCrypt.HashIfPlaintext("changeme", new SeededRandomSource(1));

        Assert.Matches(@"^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$", hash);
        Assert.DoesNotContain("changeme", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_hash()
    {
        Assert.Equal(
            PasswordCrypt.HashIfPlaintext("changeme", new SeededRandomSource(7)),
            PasswordCrypt.HashIfPlaintext("changeme", new SeededRandomSource(7)));
    }

    [Fact]
    public void Different_salts_give_different_hashes()
    {
        Assert.NotEqual(
            PasswordCrypt.HashIfPlaintext("changeme", new SeededRandomSource(7)),
            PasswordCrypt.HashIfPlaintext("changeme", new SeededRandomSource(8)));
    }

    [Theory]
    [InlineData("$6$abc$def")]
    [InlineData("$5$abc$def")]
    [InlineData("$2b$10$abcdef")]
    public void An_already_crypted_password_is_kept_as_is(string crypted)
    {
        Assert.Equal(crypted, PasswordCrypt.HashIfPlaintext(crypted, new SeededRandomSource(1)));
    }

    [Theory]
    [InlineData("$1$md5")]
    [InlineData("plain")]
    [InlineData("")]
    public void Other_values_count_as_plaintext(string password)
    {
        Assert.False(PasswordCrypt.IsCrypted(password));
    }
}
