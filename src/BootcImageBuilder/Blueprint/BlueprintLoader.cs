namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Finds and reads the user's blueprint as upstream's <c>blueprintload.LoadWithFallback</c> does:
/// <c>--config FILE.toml|FILE.json</c>, <c>--config -</c> (JSON on stdin), else <c>/config.toml</c> xor
/// <c>/config.json</c> under <see cref="RootDirectory"/>, else an empty blueprint.
/// Messages are upstream's; the caller adds <c>cannot read config: </c>.
/// </summary>
public sealed class BlueprintLoader
{
    private static readonly string[] DefaultFileNames = ["config.toml", "config.json"];

    private readonly Func<TextReader> stdin;

    /// <param name="rootDirectory">Where the default config files are looked for; <c>/</c> in the bib container.</param>
    /// <param name="stdin">Opens standard input, read for <c>--config -</c>.</param>
    public BlueprintLoader(string rootDirectory = "/", Func<TextReader>? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        RootDirectory = rootDirectory;
        this.stdin = stdin ?? (() => Console.In);
    }

    public string RootDirectory { get; }

    /// <summary>Loads <paramref name="configPath"/>, or the default files when it is null or empty.</summary>
    /// <exception cref="BibException">The file is missing, has an unknown extension, or is not a valid blueprint.</exception>
    public BlueprintConfig Load(string? configPath)
    {
        if (!string.IsNullOrEmpty(configPath))
        {
            return LoadFile(configPath);
        }

        string? found = null;
        foreach (var name in DefaultFileNames)
        {
            var candidate = Path.Join(RootDirectory, name);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                if (found is not null)
                {
                    throw new BibException(
                        $"found {GoQuote.Quote(name)} and also {GoQuote.Quote(Path.GetFileName(found))}, only a single one is supported");
                }

                found = candidate;
            }
        }

        return found is null ? BlueprintConfig.Empty : LoadFile(found);
    }

    private BlueprintConfig LoadFile(string path)
    {
        if (path == "-")
        {
            using var reader = stdin();
            return BlueprintParser.Parse(reader.ReadToEnd(), ConfigFormat.Json, path);
        }

        var text = ReadFile(path);
        return Path.GetExtension(path) switch
        {
            ".json" => BlueprintParser.Parse(text, ConfigFormat.Json, path),
            ".toml" => BlueprintParser.Parse(text, ConfigFormat.Toml, path),
            _ => throw new BibException($"unsupported file extension for {GoQuote.Quote(path)}"),
        };
    }

    // Upstream opens the file before looking at its extension, so a missing file reports the open error first.
    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BibException($"open {path}: no such file or directory".ReplaceLineEndings(" "), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BibException(Directory.Exists(path) ? $"read {path}: is a directory" : $"open {path}: permission denied", e);
        }
        catch (IOException e)
        {
            throw new BibException($"read {path}: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
