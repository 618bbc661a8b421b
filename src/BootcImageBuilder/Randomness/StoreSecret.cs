using System.Security.Cryptography;
using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Randomness;

/// <summary>
/// 32 random bytes kept in an osbuild store, made on its first use. Manifests built into a kept store derive their
/// UUIDs and salts from it (<see cref="Images.ManifestFingerprint"/>), so they repeat for that store and no other, and
/// nothing in them can be predicted from the image and config alone. The bytes never leave this type except through
/// <see cref="KeyedHash"/>.
/// </summary>
public sealed class StoreSecret
{
    /// <summary>Beside osbuild's own entries at the top of the store, which it neither reads nor evicts.</summary>
    public const string FileName = "bootc-image-builder.secret";

    public const int Length = 32;

    private readonly byte[] _key;

    private StoreSecret(byte[] key, string path)
    {
        _key = key;
        Path = path;
    }

    /// <summary>Where the secret is kept.</summary>
    public string Path { get; }

    /// <summary>
    /// The store's secret, made on first use: written under a temporary name (mode 0600, <c>O_EXCL</c>) and then
    /// hard-linked to its name, which fails when another build linked first; that build's secret is then the one read.
    /// </summary>
    /// <exception cref="BibException">The store cannot be created, or its secret is unreadable or malformed.</exception>
    public static StoreSecret LoadOrCreate(string storeDirectory)
    {
        ArgumentNullException.ThrowIfNull(storeDirectory);
        var path = System.IO.Path.Combine(storeDirectory, FileName);
        try
        {
            Directory.CreateDirectory(storeDirectory);
            if (FileStatus.OfLink(path).Kind == FileKind.Missing)
            {
                Create(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BibException($"cannot create the secret of the osbuild store {path}: {Reason(e)}", e);
        }

        return new StoreSecret(Read(path), path);
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under this store's secret.</summary>
    public byte[] KeyedHash(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_key, data);

    /// <summary>Keeps the bytes out of logs and assertion messages.</summary>
    public override string ToString() => $"StoreSecret {{ Path = {Path} }}";

    private static void Create(string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp";
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(RandomNumberGenerator.GetBytes(Length));
                stream.Flush(flushToDisk: true);
            }

            HardLink.CreateUnlessPresent(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Read(string path)
    {
        FileStatus status;
        try
        {
            status = FileStatus.OfLink(path);
        }
        catch (IOException e)
        {
            throw Unusable(path, e.Message, e);
        }

        if (status.Kind != FileKind.Regular)
        {
            throw Unusable(path, BoundedFile.Describe(status.Kind));
        }

        if (status.Size != Length)
        {
            throw Malformed(path, status.Size);
        }

        byte[] key;
        try
        {
            key = BoundedFile.ReadBytes(path, Length);
        }
        catch (BoundedFileException e)
        {
            throw Unusable(path, e.Message, e);
        }

        return key.Length == Length ? key : throw Malformed(path, (ulong)key.Length);
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException ? "permission denied" : e.Message;

    private static BibException Unusable(string path, string reason, Exception? inner = null)
    {
        var message = $"cannot read the secret of the osbuild store {path}: {reason}";
        return inner is null ? new BibException(message) : new BibException(message, inner);
    }

    private static BibException Malformed(string path, ulong size) =>
        new($"the secret of the osbuild store {path} is malformed ({size} bytes, expected {Length}); " +
            "remove it to start the store's reuse afresh");
}
