using System.Globalization;

namespace BootcImageBuilder.Cli.Progress;

internal static class TransferText
{
    /// <summary><c>45 % (120.0 MiB / 266.7 MiB)</c>.</summary>
    public static string Amount(long done, long total)
    {
        var percent = total > 0 ? 100 * done / total : 100;
        return string.Create(CultureInfo.InvariantCulture, $"{percent} % ({Mebibytes(done)} / {Mebibytes(total)})");
    }

    private static string Mebibytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB");
}
