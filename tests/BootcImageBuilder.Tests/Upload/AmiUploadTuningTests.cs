using BootcImageBuilder.Upload.Aws;

namespace BootcImageBuilder.Tests.Upload;

public class AmiUploadTuningTests
{
    [Theory]
    [InlineData(0L, 8L << 20)]
    [InlineData(10L << 30, 8L << 20)]
    [InlineData(78L << 30, 8L << 20)]
    // 10,000 parts of 8 MiB hold 78.125 GiB; beyond that the parts grow.
    [InlineData(79L << 30, ((79L << 30) + 9_999) / 10_000)]
    [InlineData(200L << 30, ((200L << 30) + 9_999) / 10_000)]
    public void Parts_are_8_MiB_unless_10000_of_them_cannot_hold_the_image(long length, long expected)
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
