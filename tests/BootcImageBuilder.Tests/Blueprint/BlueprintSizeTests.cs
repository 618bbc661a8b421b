using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

public class BlueprintSizeTests
{
    private static ulong FilesystemMinSize(string value) =>
        BlueprintParser.Parse($"[[customizations.filesystem]]\nmountpoint = \"/\"\nminsize = {value}\n", ConfigFormat.Toml, "c.toml")
            .Customizations!.Filesystem[0].MinSize;

    private static string TomlError(string text) =>
        Assert.Throws<BibException>(() => BlueprintParser.Parse(text, ConfigFormat.Toml, "c.toml")).Message;

    private static string JsonError(string text) =>
        Assert.Throws<BibException>(() => BlueprintParser.Parse(text, ConfigFormat.Json, "c.json")).Message;

    [Theory]
    [InlineData("1000", 1000UL)]
    [InlineData("\"1000\"", 1000UL)]
    [InlineData("\"10 kB\"", 10_000UL)]
    [InlineData("\"10 KiB\"", 10_240UL)]
    [InlineData("\"1 MB\"", 1_000_000UL)]
    [InlineData("\"512 MiB\"", 536_870_912UL)]
    [InlineData("\"1 GB\"", 1_000_000_000UL)]
    [InlineData("\"20 GiB\"", 21_474_836_480UL)]
    [InlineData("\"20GiB\"", 21_474_836_480UL)]
    [InlineData("\" 2 TB \"", 2_000_000_000_000UL)]
    [InlineData("\"1 TiB\"", 1_099_511_627_776UL)]
    public void Sizes_accept_bytes_and_the_datasizes_units(string value, ulong bytes)
    {
        Assert.Equal(bytes, FilesystemMinSize(value));
    }

    [Fact]
    public void Size_is_an_alias_of_minsize()
    {
        var blueprint = BlueprintParser.Parse("""{"customizations": {"filesystem": [{"mountpoint": "/var", "size": "1 GiB"}]}}""", ConfigFormat.Json, "c.json");

        Assert.Equal(1_073_741_824UL, blueprint.Customizations!.Filesystem[0].MinSize);
    }

    [Fact]
    public void Giving_both_size_and_minsize_is_an_error()
    {
        Assert.Equal(
            "cannot decode \"c.toml\": customizations.filesystem[0].size: size and minsize cannot both be set (size is an alias for minsize)",
            TomlError("[[customizations.filesystem]]\nmountpoint = \"/\"\nminsize = 1\nsize = 2\n"));
    }

    [Fact]
    public void Filesystem_without_a_size_is_refused()
    {
        Assert.Equal("cannot decode \"c.toml\": customizations.filesystem[0].minsize: required key is missing", TomlError("[[customizations.filesystem]]\nmountpoint = \"/\"\n"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"0 GiB\"")]
    public void Zero_size_is_refused(string value)
    {
        Assert.Equal(
            "cannot decode \"c.toml\": customizations.filesystem[0].minsize: size must be greater than zero",
            TomlError($"[[customizations.filesystem]]\nmountpoint = \"/\"\nminsize = {value}\n"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"-5 GiB\"")]
    public void Negative_size_is_refused(string value)
    {
        Assert.Equal(
            "cannot decode \"c.toml\": customizations.disk.partitions[0].logical_volumes[0].minsize: size cannot be negative",
            TomlError($"[[customizations.disk.partitions]]\ntype = \"lvm\"\nminsize = 1\n[[customizations.disk.partitions.logical_volumes]]\nminsize = {value}\n"));
    }

    [Fact]
    public void Unknown_unit_is_refused_without_echoing_the_value()
    {
        Assert.Equal(
            "cannot decode \"c.json\": customizations.disk.minsize: unknown data size unit (a whole number, optionally followed by kB, KiB, MB, MiB, GB, GiB, TB or TiB)",
            JsonError("""{"customizations": {"disk": {"minsize": "20 gigs"}}}"""));
    }

    [Fact]
    public void Size_without_a_number_is_refused()
    {
        Assert.Equal("cannot decode \"c.json\": customizations.disk.minsize: the size contains no number", JsonError("""{"customizations": {"disk": {"minsize": "GiB"}}}"""));
    }

    [Fact]
    public void Size_that_overflows_64_bits_is_refused()
    {
        Assert.Equal("cannot decode \"c.json\": customizations.disk.minsize: the size is too large", JsonError("""{"customizations": {"disk": {"minsize": "20000000 TiB"}}}"""));
    }

    [Fact]
    public void Fractional_json_size_is_refused()
    {
        Assert.Equal(
            "cannot decode \"c.json\": customizations.disk.partitions[0].minsize: size must be a whole number of bytes that fits in 64 bits",
            JsonError("""{"customizations": {"disk": {"partitions": [{"minsize": 1.5}]}}}"""));
    }

    [Fact]
    public void Size_of_the_wrong_type_names_the_expected_shape()
    {
        Assert.Equal(
            "cannot decode \"c.json\": customizations.disk.minsize: expected a size (a whole number of bytes, or a string such as \"20 GiB\"), got a boolean",
            JsonError("""{"customizations": {"disk": {"minsize": true}}}"""));
    }

    [Fact]
    public void Partition_without_minsize_is_refused()
    {
        Assert.Equal("cannot decode \"c.json\": customizations.disk.partitions[0].minsize: required key is missing", JsonError("""{"customizations": {"disk": {"partitions": [{"mountpoint": "/"}]}}}"""));
    }

    [Fact]
    public void Start_offset_may_be_zero()
    {
        var disk = BlueprintParser.Parse("[customizations.disk]\nstart_offset = 0\n", ConfigFormat.Toml, "c.toml").Customizations!.Disk!;

        Assert.Equal(0UL, disk.StartOffset);
    }

    [Fact]
    public void Data_size_parser_needs_the_exact_unit_case()
    {
        Assert.False(DataSize.TryParse("1 gib", out _, out var problem));
        Assert.Equal("unknown data size unit (a whole number, optionally followed by kB, KiB, MB, MiB, GB, GiB, TB or TiB)", problem);
    }
}
