using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace BootcImageBuilder.Cli.Tests.Gce;

/// <summary>A <c>gce</c> archive as osbuild exports it: <c>image.tar.gz</c> holding one <c>disk.raw</c> (random bytes here).</summary>
internal sealed class GceArchive : IDisposable
{
    public GceArchive(int diskBytes)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("bib-gce-archive-").FullName;
        Path = System.IO.Path.Combine(Directory, "image.tar.gz");
        using (var file = File.Create(Path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu))
        {
            // Random bytes do not compress, so the archive is about as large as the disk.
            var entry = new GnuTarEntry(TarEntryType.RegularFile, "disk.raw") { DataStream = new MemoryStream(RandomNumberGenerator.GetBytes(diskBytes)) };
            tar.WriteEntry(entry);
        }

        Bytes = File.ReadAllBytes(Path);
    }

    public string Directory { get; }

    public string Path { get; }

    public byte[] Bytes { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
