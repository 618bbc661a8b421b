namespace BootcImageBuilder.Osbuild;

/// <summary><c>org.osbuild.selinux.config</c>: the SELinux state written to <c>/etc/selinux/config</c>.</summary>
public sealed record SelinuxConfigOptions(string State)
    : StageOptions("org.osbuild.selinux.config");
