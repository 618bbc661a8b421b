using System.Globalization;
using BootcImageBuilder.Containers;
using Serilog;

namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>
/// The osbuild runner of the legacy installer ISO's package build root and the packages it needs, inferred from
/// os-release as upstream's <c>getDistroAndRunner</c> does.
/// </summary>
public sealed record LegacyIsoRunner(string Name, IReadOnlyList<string> BuildPackages)
{
    private static readonly IReadOnlyList<string> FedoraPackages = ["glibc", "systemd", "python3"];

    /// <summary>The runner for <paramref name="osRelease"/>; unknown distros get <c>org.osbuild.linux</c> with a warning.</summary>
    public static LegacyIsoRunner For(OsRelease osRelease)
    {
        ArgumentNullException.ThrowIfNull(osRelease);
        try
        {
            return Infer(osRelease);
        }
        catch (BibException e)
        {
            throw BibException.Wrap("failed to infer distro and runner", e);
        }
    }

    private static LegacyIsoRunner Infer(OsRelease osRelease)
    {
        switch (osRelease.Id)
        {
            case "fedora":
                return new($"org.osbuild.fedora{ParseVersion(osRelease.VersionId, "Fedora version")}", FedoraPackages);
            case "centos":
                var centos = ParseVersion(osRelease.VersionId, "CentOS version");
                if (centos is not (9 or 10))
                {
                    Log.Warning("Unknown CentOS version {Version}, using default distro for manifest generation", centos);
                }

                return new($"org.osbuild.centos{centos}", CentosPackages(centos));
            case "rhel":
                var parts = osRelease.VersionId.Split('.');
                if (parts.Length != 2)
                {
                    throw new BibException($"invalid RHEL version format: {osRelease.VersionId}");
                }

                var major = ParseVersion(parts[0], "RHEL major version");
                var minor = ParseVersion(parts[1], "RHEL minor version");
                if (major is not (9 or 10))
                {
                    Log.Warning("Unknown RHEL version {Version}, using default distro for manifest generation", major);
                }

                return new($"org.osbuild.rhel{major}{minor}", RhelPackages(major));
            default:
                Log.Warning("Unknown distro {Distro}, using default runner", osRelease.Id);
                return new("org.osbuild.linux", FedoraPackages);
        }
    }

    private static List<string> CentosPackages(ulong version)
    {
        List<string> packages = ["glibc", "platform-python"];
        if (version >= 8)
        {
            packages.Add("systemd");
        }

        packages.Add(version < 9 ? "python36" : "python3");
        return packages;
    }

    private static List<string> RhelPackages(ulong major)
    {
        List<string> packages = ["glibc"];
        if (major >= 8)
        {
            packages.AddRange(["systemd", "platform-python"]);
        }

        packages.Add(major < 9 ? "python36" : "python3");
        return packages;
    }

    /// <summary>Go's <c>strconv.ParseUint(s, 10, 64)</c> with its error text.</summary>
    private static ulong ParseVersion(string text, string what)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw new BibException($"cannot parse {what} ({text}): strconv.ParseUint: parsing \"{text}\": value out of range");
        }

        throw new BibException($"cannot parse {what} ({text}): strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }
}
