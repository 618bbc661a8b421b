
namespace BootcImageBuilder.Images.Kinds.Installer;

/// <summary>Installer ISOs are built for the host's architecture only.</summary>
public static class InstallerTargetArch
{
    /// <summary>Upstream refuses only its literal <c>iso</c> type; every installer ISO kind is refused here.</summary>
    public static void Check(ManifestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TargetArch is { } target && target != Arch.Current)
        {
            throw new BibException("cannot build iso for different target arches yet");
        }
    }
}
