using BootcImageBuilder.Randomness;

namespace BootcImageBuilder.Tests.Randomness;

public class RandomSourceSelectionTests
{
    [Fact]
    public void Without_a_seed_values_are_cryptographically_random()
    {
        var selection = RandomSourceSelection.Choose(null, Arch.X86_64, "bootc-centos-9");

        Assert.IsType<CryptoRandomSource>(selection.Source);
        Assert.Null(selection.TestModeNotice);
    }

    [Fact]
    public void A_seed_gives_the_same_uuids_every_time_and_announces_test_mode()
    {
        var first = RandomSourceSelection.Choose("0", Arch.X86_64, "bootc-centos-9");
        var second = RandomSourceSelection.Choose("0", Arch.X86_64, "bootc-centos-9");

        Assert.Equal(first.Source.NewUuid(), second.Source.NewUuid());
        Assert.Equal("TEST MODE: using rng seed 0", first.TestModeNotice);
    }

    [Fact]
    public void Each_arch_gets_its_own_stream_for_the_same_seed()
    {
        Assert.NotEqual(
            RandomSourceSelection.Choose("0", Arch.X86_64, "bootc-centos-9").Source.NewUuid(),
            RandomSourceSelection.Choose("0", Arch.Aarch64, "bootc-centos-9").Source.NewUuid());
    }

    [Fact]
    public void A_seed_that_is_not_a_number_is_refused()
    {
        var error = Assert.Throws<BibException>(() => RandomSourceSelection.Choose("abc", Arch.X86_64, "d"));

        Assert.Equal("cannot parse OSBUILD_TESTING_RNG_SEED: \"abc\" is not an integer", error.Message);
    }

    [Fact]
    public void Uuids_are_version_4_in_canonical_form()
    {
        var uuid = new SeededRandomSource(3).NewUuid();

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
    }
}
