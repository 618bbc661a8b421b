namespace BootcImageBuilder.Tests.Images.Installer;

/// <summary>Expected JSON texts with values filled in at <c>&lt;0&gt;</c>, <c>&lt;1&gt;</c>, … (JSON braces make interpolation awkward).</summary>
public static class IsoText
{
    public static string Fill(string template, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace($"<{i}>", Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return template;
    }
}
