using BootcImageBuilder.Containers;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Images.Pipelines;

/// <summary>
/// A buildroot pipeline made from a bootc container: the container deployed as the tree, optionally with files
/// copied in from another pipeline, then labelled so osbuild can run its tools with the install context.
/// </summary>
public static class ContainerBuildroot
{
    public const string Runner = "org.osbuild.linux";
    public const string DefaultSelinuxPolicy = "targeted";
    private const string InstallExecLabel = "system_u:object_r:install_exec_t:s0";
    private const string CopyInput = "copy-tree";

    /// <summary>The bootc install configuration and ostree settings a separate build container takes from the target.</summary>
    public static IReadOnlyList<string> TargetConfigDirectories { get; } = ["/usr/lib/bootc/install", "/usr/lib/ostree"];

    /// <summary>
    /// The pipeline <paramref name="name"/> deploying <paramref name="container"/>. With <paramref name="ensureDirectories"/>
    /// those directories are created; with <paramref name="copyFrom"/> their contents are copied in from that pipeline.
    /// </summary>
    public static Pipeline Create(
        string name,
        BootcInfo container,
        string? selinuxPolicy,
        IReadOnlyList<string>? ensureDirectories = null,
        string? copyFrom = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        var stages = new List<Stage>
        {
            Stage.Of(new ContainerDeployOptions(RemoveSignatures: true), inputs: [ImagesInput(container)]),
        };
        if (ensureDirectories is { Count: > 0 })
        {
            stages.Add(Stage.Of(new MkdirOptions([.. ensureDirectories.Select(d => new MkdirPath(d, Parents: true, ExistOk: true))])));
        }

        if (copyFrom is not null && ensureDirectories is { Count: > 0 })
        {
            var paths = ensureDirectories.Select(d => new CopyPath($"input://{CopyInput}{d}/", $"tree://{d}/")).ToList();
            stages.Add(Stage.Of(new CopyOptions(paths), inputs: [KeyValuePair.Create<string, StageInput>(CopyInput, TreeInput.OfPipeline(copyFrom))]));
        }

        stages.Add(Stage.Of(new SelinuxOptions(
            FileContextsOf(string.IsNullOrEmpty(selinuxPolicy) ? DefaultSelinuxPolicy : selinuxPolicy),
            ExcludePaths: ["/sysroot"],
            Labels: OsbuildMap.Of(
                ("/usr/bin/mount", InstallExecLabel),
                ("/usr/bin/ostree", InstallExecLabel),
                ("/usr/bin/umount", InstallExecLabel)))));
        return new Pipeline(name, stages, runner: Runner);
    }

    /// <summary>The <c>images</c> input naming <paramref name="container"/> in the host's container storage.</summary>
    public static KeyValuePair<string, StageInput> ImagesInput(BootcInfo container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return KeyValuePair.Create<string, StageInput>("images", ContainersInput.FromLocalStorage(ImageIdOf(container), container.ImageRef));
    }

    /// <summary>The <c>sha256:&lt;id&gt;</c> key of a container in sources and inputs.</summary>
    public static string ImageIdOf(BootcInfo container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.ImageId.StartsWith("sha256:", StringComparison.Ordinal) ? container.ImageId : "sha256:" + container.ImageId;
    }

    public static string FileContextsOf(string policy) => $"etc/selinux/{policy}/contexts/files/file_contexts";
}
