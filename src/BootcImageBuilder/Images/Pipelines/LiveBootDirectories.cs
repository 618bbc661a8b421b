using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// What a root filesystem booted by dracut's dmsquash-live module needs at its top level: the module checks for
/// <c>/usr</c> (Fedora, RHEL 10) or <c>/proc</c> (RHEL 9), which an ostree system root lacks, so both are created
/// (mode 0755) next to <c>/ostree</c>, as upstream's live-boot kludge does.
/// </summary>
public static class LiveBootDirectories
{
    public static IReadOnlyList<string> Paths { get; } = ["/usr", "/proc"];

    /// <summary><c>mkdir</c> then <c>chmod</c>, exactly as for directory customizations with mode 0755.</summary>
    public static IReadOnlyList<Stage> Stages { get; } =
        OsCustomizationStageList.Directories([.. Paths.Select(p => new DirectoryCustomization { Path = p, Mode = "0755" })]);
}
