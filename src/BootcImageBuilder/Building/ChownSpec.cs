using System.Globalization;

namespace BootcImageBuilder.Building;

/// <summary>The <c>--chown UID[:GID]</c> target; a missing GID means the tool's own group, as upstream.</summary>
public sealed record ChownSpec(int Uid, int? Gid)
{
    /// <summary>
    /// Parses up front, before any work is done (upstream only parses after the build, and accepts <c>-1:-1</c>,
    /// which silently changes nothing).
    /// </summary>
    public static ChownSpec Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':');
        if (parts.Length > 2 || !TryParseId(parts[0], out var uid))
        {
            throw Invalid(value);
        }

        if (parts.Length == 1)
        {
            return new ChownSpec(uid, null);
        }

        return TryParseId(parts[1], out var gid) ? new ChownSpec(uid, gid) : throw Invalid(value);
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static BibException Invalid(string value) =>
        new($"cannot parse chown: \"{value}\" is not UID[:GID] with non-negative numeric ids");
}
