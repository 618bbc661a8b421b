using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// The manifest of <c>reference-manifests/bootc-bib-testdata/centos-bootc-stream9-x86_64-disk.json</c>
/// (bib, July 2025, images ~v0.166) rebuilt by hand with the model, stage by stage.
/// </summary>
internal static class CentosBootcReferenceManifest
{
    public const string RelativePath = "bootc-bib-testdata/centos-bootc-stream9-x86_64-disk.json";

    private const string ImageId = "sha256:d84eacd1acb5a4b5fe43fd494dec79a0c0d732a02af7a8244b1c1ed0cea042cf";
    private const string ManifestDigest = "sha256:5a725627a084da5ddd98ed79a95f344d3e9b7dfaea4f85a2a2e353ccffe4beab";
    private const string ListDigest = "sha256:d6968a62c4b6d65cf6dcf8e02a3071d14ac9d832cad305f3d998cac13d4043eb";
    private const string Imgref = "quay.io/centos-bootc/centos-bootc:stream9";
    private const string FileContexts = "etc/selinux/targeted/contexts/files/file_contexts";
    private const string BootUuid = "0194fdc2-fa2f-4cc0-81d3-ff12045b73c8";
    private const string RootUuid = "6e4ff95f-f662-45ee-a82a-bdf44a2d0b75";

    public static Pipeline BuildPipeline() =>
        new(
            "build",
            [
                Stage.Of(
                    new ContainerDeployOptions(RemoveSignatures: true),
                    inputs: OsbuildMap.Of<StageInput>(("images", ContainersInput.FromRegistry(ImageId, Imgref)))),
                Stage.Of(new SelinuxOptions(
                    FileContexts,
                    ExcludePaths: ["/sysroot"],
                    Labels: OsbuildMap.Of(
                        ("/usr/bin/ostree", "system_u:object_r:install_exec_t:s0"),
                        ("/usr/bin/mount", "system_u:object_r:install_exec_t:s0"),
                        ("/usr/bin/umount", "system_u:object_r:install_exec_t:s0")))),
            ],
            runner: "org.osbuild.linux");

    public static IReadOnlyList<Stage> ImageStages() =>
    [
        Stage.Of(new TruncateOptions("disk.raw", 10737418240)),
        Stage.Of(
            new SfdiskOptions("gpt", "D209C89E-EA5E-4FBD-B161-B461CCE297E0",
            [
                new SfdiskPartition(Bootable: true, Size: 2048, Start: 2048, Type: "21686148-6449-6E6F-744E-656564454649", Uuid: "FAC7F1FB-3E8D-4137-A512-961DE09A5549"),
                new SfdiskPartition(Size: 1026048, Start: 4096, Type: "C12A7328-F81F-11D2-BA4B-00A0C93EC93B", Uuid: "68B2905B-DF3E-4FB3-80FA-49D1E773AA33"),
                new SfdiskPartition(Size: 2097152, Start: 1030144, Type: "0FC63DAF-8483-4772-8E79-3D69D8477DE4", Uuid: "CB07C243-BC44-4717-853E-28852021225B"),
                new SfdiskPartition(Size: 17844191, Start: 3127296, Type: "0FC63DAF-8483-4772-8E79-3D69D8477DE4", Uuid: "6264D520-3FB9-423F-8AB8-7A0A8E3D3562"),
            ]),
            devices: OsbuildMap.Of(("device", Device.Loopback(new LoopbackDeviceOptions("disk.raw", Lock: true))))),
        Stage.Of(new MkfsFatOptions("7B7795E7", "EFI-SYSTEM"), devices: PartitionDevice(4096, 1026048)),
        Stage.Of(new MkfsXfsOptions(BootUuid, "boot"), devices: PartitionDevice(1030144, 2097152)),
        Stage.Of(new MkfsXfsOptions(RootUuid, "root"), devices: PartitionDevice(3127296, 17844191)),
        Stage.Of(
            new BootcInstallToFilesystemOptions(Imgref, KernelArgs: ["rw", "console=tty0", "console=ttyS0"]),
            inputs: OsbuildMap.Of<StageInput>(("images", ContainersInput.FromRegistry(ImageId, Imgref))),
            devices: DiskDevice(),
            mounts: FilesystemMounts()),
        DeploymentStage(MountUnit("-.mount", RootUuid, "/", "xfs", "ro")),
        DeploymentStage(MountUnit("boot-efi.mount", "7B77-95E7", "/boot/efi", "vfat", "umask=0077,shortname=winnt")),
        DeploymentStage(MountUnit("boot.mount", BootUuid, "/boot", "xfs", "ro")),
        DeploymentStage(new SystemdOptions(EnabledServices: ["-.mount", "boot-efi.mount", "boot.mount"])),
        DeploymentStage(new SelinuxOptions(FileContexts, ExcludePaths: ["/sysroot"])),
    ];

    public static Manifest Manifest() =>
        new(
            [
                BuildPipeline(),
                new Pipeline("image", ImageStages(), build: "name:build"),
                QemuPipeline("qcow2", new QemuOptions("disk.qcow2", new Qcow2Format(""))),
                QemuPipeline("vmdk", new QemuOptions("disk.vmdk", new VmdkFormat("streamOptimized"))),
                QemuPipeline("vpc", new QemuOptions("disk.vhd", new VpcFormat())),
                new Pipeline("ovf",
                [
                    Stage.Of(
                        new CopyOptions([new CopyPath("input://vmdk-tree/disk.vmdk", "tree:///")]),
                        inputs: OsbuildMap.Of<StageInput>(("vmdk-tree", TreeInput.OfPipeline("vmdk")))),
                    Stage.Of(new OvfOptions("disk.vmdk")),
                ]),
                new Pipeline("archive",
                [
                    Stage.Of(
                        new TarOptions("disk.tar", Format: "ustar", Paths: ["disk.ovf", "disk.mf", "disk.vmdk", "disk.vhd"]),
                        inputs: OsbuildMap.Of<StageInput>(("tree", TreeInput.OfPipeline("ovf")))),
                ]),
                new Pipeline("gce",
                [
                    Stage.Of(
                        new TarOptions("image.tar.gz", Format: "oldgnu", Acls: false, Selinux: false, Xattrs: false, RootNode: "omit"),
                        inputs: OsbuildMap.Of<StageInput>(("tree", TreeInput.OfPipeline("image")))),
                ],
                build: "name:build"),
            ],
            [
                new SkopeoSource(OsbuildMap.Of((ImageId, new SkopeoSourceItem(new SkopeoImage(Imgref, ManifestDigest))))),
                new SkopeoIndexSource(OsbuildMap.Of((ListDigest, new SkopeoIndexSourceItem(new SkopeoIndexImage(Imgref))))),
            ]);

    private static Pipeline QemuPipeline(string name, QemuOptions options) =>
        new(name, [Stage.Of(options, inputs: OsbuildMap.Of<StageInput>(("image", FilesInput.FromPipeline("image", "disk.raw"))))]);

    private static SystemdUnitCreateOptions MountUnit(string filename, string uuid, string where, string type, string options) =>
        new(
            filename,
            new SystemdUnit(
                new SystemdUnitSection(DefaultDependencies: true),
                Mount: new SystemdMountSection("/dev/disk/by-uuid/" + uuid, where, type, options),
                Install: new SystemdInstallSection(WantedBy: ["multi-user.target"])),
            UnitPath: "etc");

    private static Stage DeploymentStage(StageOptions options) =>
        Stage.Of(
            options,
            devices: DiskDevice(),
            mounts: [.. FilesystemMounts(), Mount.OstreeDefaultDeployment(), Mount.Bind("bind-ostree-deployment-to-tree", "mount://", "tree://")]);

    private static Dictionary<string, Device> PartitionDevice(long start, long size) =>
        new() { ["device"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw", start, size, Lock: true)) };

    private static Dictionary<string, Device> DiskDevice() =>
        new() { ["disk"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw", Partscan: true)) };

    private static Mount[] FilesystemMounts() =>
    [
        Mount.Xfs("-", "disk", "/", 4),
        Mount.Xfs("boot", "disk", "/boot", 3),
        Mount.Fat("boot-efi", "disk", "/boot/efi", 2),
    ];
}
