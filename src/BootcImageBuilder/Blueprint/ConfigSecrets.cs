namespace BootcImageBuilder.Blueprint;

/// <summary>
/// The values of a config that may be secret: passwords, the Ignition URL (it can carry a token) and embedded config,
/// kickstart text and file contents.
/// </summary>
public static class ConfigSecrets
{
    /// <summary>A copy of <paramref name="config"/> with every secret value passed through <paramref name="replace"/>.</summary>
    public static BlueprintConfig Replace(BlueprintConfig config, Func<string, string> replace)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(replace);
        if (config.Customizations is not { } customizations)
        {
            return config;
        }

        string? Replaced(string? value) => value is null ? null : replace(value);
        return config with
        {
            Customizations = customizations with
            {
                User = [.. customizations.User.Select(u => u with { Password = Replaced(u.Password) })],
                Files = [.. customizations.Files.Select(f => f with { Data = Replaced(f.Data) })],
                Ignition = customizations.Ignition is { } ignition
                    ? ignition with
                    {
                        Embedded = ignition.Embedded is { } embedded ? embedded with { Config = Replaced(embedded.Config) } : null,
                        FirstBoot = ignition.FirstBoot is { } firstBoot ? firstBoot with { Url = Replaced(firstBoot.Url) } : null,
                    }
                    : null,
                Installer = customizations.Installer is { Kickstart: { } kickstart } installer
                    ? installer with { Kickstart = kickstart with { Contents = Replaced(kickstart.Contents) } }
                    : customizations.Installer,
            },
        };
    }
}
