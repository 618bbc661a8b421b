using System.Text;
using BootcImageBuilder.Osbuild;

namespace BootcImageBuilder.Tests.Osbuild;

/// <summary>
/// A manifest that uses every stage options type, input, source, device and mount of the model with (nearly)
/// all optional fields set, so schema validation catches any JSON name or shape that osbuild would not accept.
/// </summary>
internal static class EveryModelledTypeManifest
{
    private const string ImageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string RpmChecksum = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string LibrepoChecksum = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    private static readonly byte[] FileContent = Encoding.UTF8.GetBytes("hello <world> & more\n");

    public static Manifest Manifest()
    {
        var fileChecksum = InlineSource.ChecksumOf(FileContent);
        var disk = new Dictionary<string, Device>
        {
            ["disk"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw", Partscan: true, SectorSize: 512)),
        };
        var lvm = new Dictionary<string, Device>
        {
            ["disk"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw", 4096, 8192, Lock: true)),
            ["luks-1234"] = Device.Luks2("disk", new Luks2DeviceOptions("secret")),
            ["device"] = Device.Lvm2Lv("luks-1234", new Lvm2LvDeviceOptions("rootlv", VgPartnum: 3)),
        };
        var partition = new Dictionary<string, Device> { ["device"] = Device.Loopback(new LoopbackDeviceOptions("disk.raw", 2048, 2048, Lock: true)) };
        Mount[] deployment =
        [
            Mount.Btrfs("-", "disk", "/", new BtrfsMountOptions("root", "zstd:1"), 4),
            Mount.Ext4("boot", "disk", "/boot", 3),
            Mount.Fat("boot-efi", "disk", "/boot/efi", 2),
            Mount.OstreeDefaultDeployment(),
            Mount.Bind("bind-ostree-deployment-to-tree", "mount://", "tree://"),
        ];

        var build = new Pipeline(
            "build",
            [
                Stage.Of(
                    new ContainerDeployOptions(Exclude: ["/var/tmp"], RemoveSignatures: true),
                    inputs: OsbuildMap.Of<StageInput>(("images", ContainersInput.FromLocalStorage(ImageId, "localhost/os:latest")))),
                Stage.Of(new SelinuxOptions("etc/selinux/targeted/contexts/files/file_contexts", Target: "tree:///", ForceAutorelabel: false)),
            ],
            runner: "org.osbuild.linux");

        var image = new Pipeline(
            "image",
            [
                Stage.Of(new TruncateOptions("disk.raw", 10737418240)),
                Stage.Of(
                    new SfdiskOptions("gpt", "D209C89E-EA5E-4FBD-B161-B461CCE297E0",
                        [new SfdiskPartition(Name: "root", Size: 2048, Start: 2048, Type: "0FC63DAF-8483-4772-8E79-3D69D8477DE4", Uuid: "6264D520-3FB9-423F-8AB8-7A0A8E3D3562", Attrs: [59])]),
                    devices: partition),
                Stage.Of(new Luks2FormatOptions("secret", "a1b2", "aes-xts-plain64", "luks", "", 512, new Luks2Pbkdf("argon2id", 4, 32, 1)), devices: partition),
                Stage.Of(new ClevisLuksBindOptions("secret", "tpm2", "{}"), devices: partition),
                Stage.Of(new Lvm2CreateOptions([LogicalVolume.OfBytes("rootlv", 2147483648)]), devices: partition),
                Stage.Of(new MkfsExt4Options("uuid-ext4", "boot", Verity: true), devices: lvm),
                Stage.Of(new MkfsXfsOptions("uuid-xfs", "root"), devices: partition),
                Stage.Of(new MkfsBtrfsOptions("uuid-btrfs", "root"), devices: partition),
                Stage.Of(new MkfsFatOptions("7B7795E7", "EFI-SYSTEM", 32, new MkfsFatGeometry(255, 63)), devices: partition),
                Stage.Of(new MkswapOptions("uuid-swap", "swap"), devices: partition),
                Stage.Of(
                    new BtrfsSubvolOptions([new BtrfsSubvolume("/root")]),
                    devices: partition,
                    mounts: [Mount.Btrfs("volume", "device", "/", new BtrfsMountOptions())]),
                Stage.Of(
                    new WriteDeviceOptions("input://tree/usr/lib/modules/6.0/aboot.img"),
                    inputs: OsbuildMap.Of<StageInput>(("tree", TreeInput.OfPipeline("build"))),
                    devices: partition),
                Stage.Of(
                    new BootcInstallToFilesystemOptions("localhost/os:latest", ["ssh-ed25519 AAAA"], ["rw"], "grub", Composefs: false),
                    inputs: OsbuildMap.Of<StageInput>(("images", ContainersInput.FromLocalStorage(ImageId, "localhost/os:latest"))),
                    devices: disk,
                    mounts: deployment[..3]),
                Stage.Of(new Lvm2MetadataOptions("vg00", "host", "1700000000", "created by test"), devices: partition),
                Stage.Of(new Luks2RemoveKeyOptions("secret"), devices: partition),
                Stage.Of(
                    new SystemdUnitCreateOptions(
                        "var-log.mount",
                        new SystemdUnit(
                            new SystemdUnitSection("log", true, ["/x"], ["/y"], ["a.service"], ["b.service"], ["c.service"], ["d.service"]),
                            Mount: new SystemdMountSection("/dev/disk/by-uuid/x", "/var/log", "xfs", "defaults"),
                            Install: new SystemdInstallSection(["local-fs.target"], ["multi-user.target"])),
                        UnitType: "system",
                        UnitPath: "etc"),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(
                    new SystemdUnitCreateOptions(
                        "hello.service",
                        new SystemdUnit(
                            new SystemdUnitSection(),
                            Service: new SystemdServiceSection("oneshot", true, ["/bin/true"], ["/bin/true"], ["/bin/echo hi"], [new EnvironmentVariable("A", "b")], ["/etc/env"], "journal"),
                            Install: new SystemdInstallSection(WantedBy: ["multi-user.target"]))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(
                    new SystemdUnitCreateOptions(
                        "dev-disk-by\\x2duuid-x.swap",
                        new SystemdUnit(new SystemdUnitSection(), Swap: new SystemdSwapSection("/dev/disk/by-uuid/x", 5, "defaults", "10s"))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(
                    new SystemdUnitCreateOptions(
                        "hello.socket",
                        new SystemdUnit(new SystemdUnitSection(), Socket: new SystemdSocketSection("hello.service", "/run/hello.sock", SocketMode: "0660"))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(new SystemdOptions(["-.mount"], ["x.service"], ["y.service"], "multi-user.target"), devices: disk, mounts: deployment),
                Stage.Of(
                    new FstabOptions([new FstabEntry("xfs", Uuid: "uuid-xfs", Path: "/", Options: "ro", Freq: 1, Passno: 1), new FstabEntry("vfat", Label: "EFI", Path: "/boot/efi")]),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(new GroupsOptions(OsbuildMap.Of(("wheel", new GroupEntry(10)), ("devs", new GroupEntry())), Force: true), devices: disk, mounts: deployment),
                Stage.Of(new MkdirOptions([new MkdirPath("tree:///var/home", 493, Parents: true, ExistOk: true)]), devices: disk, mounts: deployment),
                Stage.Of(
                    new UsersOptions(OsbuildMap.Of(("alice", new UserEntry(1000, 1000, ["wheel"], "Alice", "/var/home/alice", "/bin/bash", "$6$salt$hash", "ssh-ed25519 AAAA", 20000, true)))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(
                    new CopyOptions([new CopyPath($"input://file-1/{fileChecksum}", "tree:///etc/hello", RemoveDestination: true)]),
                    inputs: OsbuildMap.Of<StageInput>(("file-1", FilesInput.FromSources(fileChecksum))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(new ChmodOptions(OsbuildMap.Of(("/etc/hello", new ChmodItem("0644", Recursive: true)))), devices: disk, mounts: deployment),
                Stage.Of(
                    new ChownOptions(OsbuildMap.Of(("/etc/hello", new ChownItem(OwnerId.ByName("alice"), OwnerId.ById(1000), Recursive: true)))),
                    devices: disk,
                    mounts: deployment),
                Stage.Of(new IgnitionOptions(["ip=dhcp"], "mount://boot/"), devices: disk, mounts: deployment[..3]),
            ],
            build: "name:build");

        return new Manifest(
            [
                build,
                image,
                new Pipeline("qcow2", [QemuStage("disk.qcow2", new Qcow2Format("1.1"))]),
                new Pipeline("vmdk", [QemuStage("disk.vmdk", new VmdkFormat("streamOptimized"))]),
                new Pipeline("vpc", [QemuStage("disk.vhd", new VpcFormat(ForceSize: false))]),
                new Pipeline("vdi", [QemuStage("disk.vdi", new VdiFormat())]),
                new Pipeline("vhdx", [QemuStage("disk.vhdx", new VhdxFormat())]),
                new Pipeline("ovf", [Stage.Of(new OvfOptions("disk.vmdk", new OvfVmwareOptions("other-64"), new OvfVirtualboxOptions("080027000000")))]),
                new Pipeline(
                    "archive",
                    [
                        Stage.Of(
                            new TarOptions("image.tar.gz", "oldgnu", "gzip", false, false, false, Transform: "s/image\\.raw/disk.raw/", NumericOwner: true),
                            inputs: OsbuildMap.Of<StageInput>(("tree", TreeInput.OfPipeline("image")))),
                    ],
                    build: "name:build"),
                new Pipeline(
                    "pxe-tree",
                    [
                        Stage.Of(
                            new SquashfsOptions("rootfs.img", "mount://-/", ["/boot/.*"], new SquashfsCompression("xz", new SquashfsCompressionOptions("x86"))),
                            devices: disk,
                            mounts: deployment[..3]),
                        Stage.Of(new SquashfsOptions("plain.img", null, null, new SquashfsCompression("zstd")), inputs: OsbuildMap.Of<StageInput>(("tree", TreeInput.OfPipeline("build")))),
                        Stage.Of(new OstreeGrub2Options("grub.cfg", "mount://-/"), devices: disk, mounts: deployment[..4]),
                    ],
                    build: "name:build"),
                new Pipeline(
                    "xz",
                    [Stage.Of(new XzOptions("image.tar.xz"), inputs: OsbuildMap.Of<StageInput>(("file", FilesInput.FromPipeline("archive", "image.tar.gz"))))],
                    build: "name:build"),
                new Pipeline(
                    "packages",
                    [
                        Stage.Of(
                            new CopyOptions([new CopyPath("input://rpm/", "tree:///rpms/")]),
                            inputs: OsbuildMap.Of<StageInput>(
                                ("rpm", new SourceFilesInput(FilesInput.InputType, StageInput.SourceOrigin, [new SourceFileReference(RpmChecksum, new SourceFileOptions(new SourceFileMetadata(true)))])),
                                ("rpm2", FilesInput.FromSourcesPlain(LibrepoChecksum)))),
                    ]),
            ],
            [
                new ContainersStorageSource(ImageId),
                new SkopeoSource(OsbuildMap.Of((ImageId, new SkopeoSourceItem(new SkopeoImage("quay.io/x/y", ImageId, TlsVerify: false))))),
                new SkopeoIndexSource(OsbuildMap.Of((ImageId, new SkopeoIndexSourceItem(new SkopeoIndexImage("quay.io/x/y", TlsVerify: true))))),
                new InlineSource(FileContent),
                new CurlSource(OsbuildMap.Of((RpmChecksum, new CurlSourceItem("https://example.com/a.rpm", new UrlSecrets("org.osbuild.rhsm"), Insecure: true)))),
                new LibrepoSource(
                    OsbuildMap.Of((LibrepoChecksum, new LibrepoSourceItem("Packages/b.rpm", "baseos"))),
                    new LibrepoSourceOptions(OsbuildMap.Of(("baseos", new LibrepoMirror("https://example.com/metalink", "metalink", true, new UrlSecrets("org.osbuild.rhsm"), 4, FastestMirror: true))))),
            ]);
    }

    private static Stage QemuStage(string filename, QemuFormat format) =>
        Stage.Of(new QemuOptions(filename, format), inputs: OsbuildMap.Of<StageInput>(("image", FilesInput.FromPipeline("image", "disk.raw"))));
}
