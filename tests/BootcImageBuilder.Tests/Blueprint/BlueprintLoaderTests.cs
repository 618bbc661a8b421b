using BootcImageBuilder.Blueprint;

namespace BootcImageBuilder.Tests.Blueprint;

public sealed class BlueprintLoaderTests : IDisposable
{
    private const string AliceToml = "[[customizations.user]]\nname = \"alice\"\n";
    private const string AliceJson = """{"customizations": {"user": [{"name": "alice"}]}}""";

    private readonly string root = Directory.CreateTempSubdirectory("bib-blueprint-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Join(root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string OnlyUser(BlueprintConfig blueprint) => Assert.Single(blueprint.Customizations!.User).Name;

    [Fact]
    public void Explicit_toml_file_is_loaded()
    {
        var path = Write("my.toml", AliceToml);

        Assert.Equal("alice", OnlyUser(new BlueprintLoader(root).Load(path)));
    }

    [Fact]
    public void Explicit_json_file_is_loaded()
    {
        var path = Write("my.json", AliceJson);

        Assert.Equal("alice", OnlyUser(new BlueprintLoader(root).Load(path)));
    }

    [Fact]
    public void Dash_reads_json_from_stdin()
    {
        var loader = new BlueprintLoader(root, () => new StringReader(AliceJson));

        Assert.Equal("alice", OnlyUser(loader.Load("-")));
    }

    [Fact]
    public void Stdin_errors_name_the_dash()
    {
        var loader = new BlueprintLoader(root, () => new StringReader("""{"nmae": "x"}"""));

        Assert.Equal("cannot decode \"-\": nmae: unknown key; did you mean name?", Assert.Throws<BibException>(() => loader.Load("-")).Message);
    }

    [Fact]
    public void Default_config_toml_is_found_under_the_root()
    {
        Write("config.toml", AliceToml);

        Assert.Equal("alice", OnlyUser(new BlueprintLoader(root).Load(null)));
    }

    [Fact]
    public void Default_config_json_is_found_under_the_root()
    {
        Write("config.json", AliceJson);

        Assert.Equal("alice", OnlyUser(new BlueprintLoader(root).Load("")));
    }

    [Fact]
    public void Legacy_wrapper_in_the_default_json_is_unwrapped()
    {
        Write("config.json", $$"""{"blueprint": {{AliceJson}}}""");

        Assert.Equal("alice", OnlyUser(new BlueprintLoader(root).Load(null)));
    }

    [Fact]
    public void No_config_anywhere_gives_an_empty_blueprint()
    {
        Assert.Same(BlueprintConfig.Empty, new BlueprintLoader(root).Load(null));
    }

    [Fact]
    public void Both_default_files_is_upstreams_error()
    {
        Write("config.toml", "");
        Write("config.json", "");

        var error = Assert.Throws<BibException>(() => new BlueprintLoader(root).Load(null));

        Assert.Equal("found \"config.json\" and also \"config.toml\", only a single one is supported", error.Message);
    }

    [Fact]
    public void Unknown_extension_is_upstreams_error()
    {
        var path = Write("config.yaml", "name: x");

        var error = Assert.Throws<BibException>(() => new BlueprintLoader(root).Load(path));

        Assert.Equal($"unsupported file extension for \"{path}\"", error.Message);
    }

    [Fact]
    public void Missing_explicit_file_is_an_open_error()
    {
        var path = Path.Join(root, "nope.toml");

        var error = Assert.Throws<BibException>(() => new BlueprintLoader(root).Load(path));

        Assert.Equal($"open {path}: no such file or directory", error.Message);
    }

    [Fact]
    public void Decode_errors_name_the_default_file_path()
    {
        Write("config.toml", "birds = 1\n");

        var error = Assert.Throws<BibException>(() => new BlueprintLoader(root).Load(null));

        Assert.Equal($"cannot decode \"{Path.Join(root, "config.toml")}\": birds: unknown key", error.Message);
    }
}
