using System.Text.Json.Nodes;
using BootcImageBuilder.Blueprint;
using BootcImageBuilder.Containers;
using BootcImageBuilder.Images.Kinds;

namespace BootcImageBuilder.Tests.Images;

/// <summary>Rebuilds the request a saved reference manifest was generated from, reading the values off the manifest.</summary>
public static class ReferenceRequests
{
    /// <summary>
    /// Any container up to about 4.2 GB gives the 10 GiB default disk every saved reference has (the root needs
    /// twice the container size); 1 GiB stands in for the unknown real size.
    /// </summary>
    public const ulong ContainerSize = 1UL << 30;

    public static BootcDiskImageInput From(JsonObject reference, Arch arch, string uefiVendor)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var image = Pipeline(reference, "image");
        var install = Stage(image, "org.osbuild.bootc.install-to-filesystem")!;
        var imageRef = (string)install["options"]!["target-imgref"]!;
        var imageId = ((JsonObject)install["inputs"]!["images"]!["references"]!).Single().Key;
        var rootfs = Stage(image, "org.osbuild.mkfs.xfs") is not null ? "xfs" : "ext4";
        var info = new BootcInfo(
            imageRef,
            imageId["sha256:".Length..],
            arch,
            rootfs,
            ContainerSize,
            new OsInfo
            {
                OsRelease = new OsRelease("centos", "9", "CentOS Stream"),
                UefiVendor = uefiVendor,
                SelinuxPolicy = "targeted",
            });
        return new BootcDiskImageInput(info) { Customizations = CustomizationsOf(image) };
    }

    /// <summary>The users of the reference's users stage; their passwords are (redacted) crypt strings, passed as already hashed.</summary>
    private static Customizations? CustomizationsOf(JsonObject image)
    {
        if (Stage(image, "org.osbuild.users") is not { } users)
        {
            return null;
        }

        var list = ((JsonObject)users["options"]!["users"]!).Select(u => new UserCustomization
        {
            Name = u.Key,
            Groups = u.Value!["groups"]?.AsArray().Select(g => (string)g!).ToList() ?? [],
            Password = (string?)u.Value["password"],
            Key = (string?)u.Value["key"],
            Uid = (long?)u.Value["uid"],
            Gid = (long?)u.Value["gid"],
            Home = (string?)u.Value["home"],
            Shell = (string?)u.Value["shell"],
            Description = (string?)u.Value["description"],
        }).ToList();
        return new Customizations { User = list };
    }

    private static JsonObject Pipeline(JsonObject manifest, string name) =>
        (JsonObject)manifest["pipelines"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static JsonObject? Stage(JsonObject pipeline, string type) =>
        (JsonObject?)pipeline["stages"]!.AsArray().FirstOrDefault(s => (string?)s!["type"] == type);
}
