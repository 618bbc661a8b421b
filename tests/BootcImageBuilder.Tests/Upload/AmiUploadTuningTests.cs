using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Tests.Upload;

public class AmiUploadTuningTests
{
    [Theory]
    [InlineData(0L, 16L << 20)]
    [InlineData(10L << 30, 16L << 20)]
    // 10,000 parts of 16 MiB hold 156.25 GiB; beyond that the parts grow.
    [InlineData(200L << 30, ((200L << 30) + 9_999) / 10_000)]
    public void Parts_are_16_MiB_unless_10000_of_them_cannot_hold_the_image(long length, long expected)
    {
        Assert.Equal(expected, AmiUploadTuning.Default.PartSizeFor(length));
    }

    [Theory]
    [InlineData("x86_64", "x86_64")]
    [InlineData("aarch64", "arm64")]
    public void Ec2_names_the_two_architectures_it_runs(string arch, string expected)
    {
        Assert.Equal(expected, Ec2Architectures.For(Arch.Parse(arch)));
    }

    [Fact]
    public void Other_architectures_are_refused_in_upstreams_words()
    {
        var error = Assert.Throws<BibException>(() => new AmiTarget("us-east-1", "b", "n", Arch.Ppc64le));

        Assert.Equal("ec2 doesn't support the following arch: ppc64le", error.Message);
    }
}
