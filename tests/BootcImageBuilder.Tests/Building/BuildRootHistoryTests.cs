using BootcImageBuilder.Building;
using BootcImageBuilder.Images.Kinds;
using BootcImageBuilder.Osbuild;
using BootcImageBuilder.Randomness;
using BootcImageBuilder.Tests.Images;

namespace BootcImageBuilder.Tests.Building;

public sealed class BuildRootHistoryTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("bib-history-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    private static Manifest DiskManifest(string imageId = DiskImageSamples.ImageId) =>
        BootcDiskImage.Generate(
            new BootcDiskImageInput(DiskImageSamples.Container(Arch.S390x) with { ImageId = imageId }), new SeededRandomSource(7));

    [Fact]
    public void A_new_store_has_used_no_build_root()
    {
        Assert.Empty(new BuildRootHistory(_store).UsedBefore(DiskManifest()));
    }

    [Fact]
    public void A_recorded_build_root_is_known_to_later_builds_into_the_same_store_only()
    {
        new BuildRootHistory(_store).Record(DiskManifest(), ["qcow2"]);

        Assert.Equal(["build"], new BuildRootHistory(_store).UsedBefore(DiskManifest()));
        var other = Directory.CreateTempSubdirectory("bib-history-other-").FullName;
        try
        {
            Assert.Empty(new BuildRootHistory(other).UsedBefore(DiskManifest()));
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Another_config_of_the_same_image_shares_the_build_root_and_another_image_does_not()
    {
        new BuildRootHistory(_store).Record(DiskManifest(), ["image"]);

        var anotherConfig = BootcDiskImage.Generate(
            DiskImageSamples.Request(Arch.S390x, customizations: DiskImageSamples.UsersGroupsKernel), new SeededRandomSource(8));
        Assert.Equal(["build"], new BuildRootHistory(_store).UsedBefore(anotherConfig));
        Assert.Empty(new BuildRootHistory(_store).UsedBefore(DiskManifest(imageId: new string('e', 64))));
    }

    [Fact]
    public void A_store_the_note_cannot_be_written_to_does_not_fail_the_build()
    {
        File.WriteAllText(Path.Combine(_store, BuildRootHistory.DirectoryName), "a file where the directory would be");

        new BuildRootHistory(_store).Record(DiskManifest(), ["qcow2"]);

        Assert.Empty(new BuildRootHistory(_store).UsedBefore(DiskManifest()));
    }
}
