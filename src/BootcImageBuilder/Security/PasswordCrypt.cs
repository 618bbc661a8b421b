using System.Runtime.InteropServices;
using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Security;

/// <summary>
/// Turns plaintext passwords into SHA-512 crypt hashes (<c>$6$salt$hash</c>) with glibc's libcrypt, as upstream
/// does, so a manifest never carries a plaintext password. The salt comes from the injected random source.
/// </summary>
public static partial class PasswordCrypt
{
    private const int SaltLength = 16;

    // The crypt(3) salt alphabet: exactly 64 characters, so six random bits pick one without bias.
    private const string SaltAlphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // libxcrypt's struct crypt_data is 32768 bytes; glibc's older one is smaller. Take the larger.
    private const int CryptDataSize = 32768;

    /// <summary>Upstream's heuristic (from lorax): these prefixes mean the value is already a hash.</summary>
    public static bool IsCrypted(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.StartsWith("$2b$", StringComparison.Ordinal)
            || password.StartsWith("$6$", StringComparison.Ordinal)
            || password.StartsWith("$5$", StringComparison.Ordinal);
    }

    /// <summary>The password itself when already crypted, else its SHA-512 crypt hash with a fresh salt.</summary>
    public static string HashIfPlaintext(string password, IRandomSource random) =>
        IsCrypted(password) ? password : Sha512(password, NewSalt(random));

    public static string NewSalt(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[SaltLength];
        random.NextBytes(bytes);
        var salt = new char[SaltLength];
        for (var i = 0; i < SaltLength; i++)
        {
            salt[i] = SaltAlphabet[bytes[i] & 63];
        }

        return new string(salt);
    }

    /// <summary>SHA-512 crypt of <paramref name="password"/> with the given 16-character salt.</summary>
    public static string Sha512(string password, string salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(salt);
        string? hash;
        // Native memory, so the result (which points into it) stays put until it is read.
        var data = Marshal.AllocHGlobal(CryptDataSize);
        try
        {
            ClearNative(data);
            hash = Marshal.PtrToStringUTF8(CryptR(password, "$6$" + salt + "$", data));
        }
        catch (DllNotFoundException e)
        {
            throw new BibException("cannot hash password: libcrypt.so.1 is not available", e);
        }
        finally
        {
            // The work area holds intermediate state derived from the password.
            ClearNative(data);
            Marshal.FreeHGlobal(data);
        }

        // Failures come back as null or as a short "*0"/"*1" marker, never as a $6$ string.
        return hash is not null && hash.StartsWith("$6$", StringComparison.Ordinal)
            ? hash
            : throw new BibException("cannot hash password: crypt_r failed");
    }

    [LibraryImport("libcrypt.so.1", EntryPoint = "crypt_r", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr CryptR(string phrase, string setting, IntPtr data);

    private static unsafe void ClearNative(IntPtr data) => new Span<byte>((void*)data, CryptDataSize).Clear();
}
