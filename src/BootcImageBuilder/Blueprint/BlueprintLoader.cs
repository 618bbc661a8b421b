using BootcImageBuilder.FileSystem;

namespace BootcImageBuilder.Blueprint;

/// <summary>
/// Finds and reads the user's blueprint as upstream's <c>blueprintload.LoadWithFallback</c> does:
/// <c>--config FILE.toml|FILE.json</c>, <c>--config -</c> (JSON on stdin), else <c>/config.toml</c> xor
/// <c>/config.json</c> under <see cref="RootDirectory"/>, else an empty blueprint.
/// Messages are upstream's; the caller adds <c>cannot read config: </c>.
/// A config is bounded: a regular file (never a FIFO or device, which could block or never end) of at most
/// <see cref="MaxConfigBytes"/>; standard input is read within <see cref="StdinTimeout"/> and gives up on cancellation.
/// </summary>
public sealed class BlueprintLoader
{
    private static readonly string[] DefaultFileNames = ["config.toml", "config.json"];

    /// <summary>The largest config accepted, in bytes (a blueprint is a few kilobytes).</summary>
    public const int MaxConfigBytes = 1024 * 1024;

    private readonly Func<TextReader> stdin;

    /// <param name="rootDirectory">Where the default config files are looked for; <c>/</c> in the bib container.</param>
    /// <param name="stdin">Opens standard input, read for <c>--config -</c>; descriptor 0, refused when closed or unreadable, when null.</param>
    /// <param name="stdinTimeout">How long <c>--config -</c> waits for standard input to end; 30 seconds when null.</param>
    public BlueprintLoader(string rootDirectory = "/", Func<TextReader>? stdin = null, TimeSpan? stdinTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        RootDirectory = rootDirectory;
        this.stdin = stdin ?? OpenStandardInput;
        StdinTimeout = stdinTimeout ?? TimeSpan.FromSeconds(30);
    }

    public string RootDirectory { get; }

    public TimeSpan StdinTimeout { get; }

    /// <summary>Loads <paramref name="configPath"/>, or the default files when it is null or empty.</summary>
    /// <exception cref="BibException">The file is missing, has an unknown extension, or is not a valid blueprint.</exception>
    public BlueprintConfig Load(string? configPath) => LoadAsync(configPath, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Load"/>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for standard input.</exception>
    public async Task<BlueprintConfig> LoadAsync(string? configPath, CancellationToken cancellationToken)
    {
        if (configPath == "-")
        {
            return BlueprintParser.Parse(await ReadStdinAsync(cancellationToken), ConfigFormat.Json, configPath);
        }

        if (!string.IsNullOrEmpty(configPath))
        {
            return LoadFile(configPath);
        }

        string? found = null;
        foreach (var name in DefaultFileNames)
        {
            var candidate = Path.Join(RootDirectory, name);
            if (FileStatus.OfLink(candidate).Kind != FileKind.Missing)
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

    private static BlueprintConfig LoadFile(string path)
    {
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
            return BoundedFile.ReadText(path, MaxConfigBytes);
        }
        catch (BoundedFileException e)
        {
            var verb = e.Kind is FileKind.Missing or FileKind.Unknown ? "open" : "read";
            // As Go's os.PathError: the path bare, unless it would break the one-line message.
            var shown = path.Any(char.IsControl) ? GoQuote.Quote(path) : path;
            throw new BibException($"{verb} {shown}: {e.Message}", e);
        }
    }

    // The read runs on its own task: a blocking read of a terminal or pipe cannot observe a token, so the wait for it
    // is what is bounded. An abandoned read ends with the process.
    private async Task<string> ReadStdinAsync(CancellationToken cancellationToken)
    {
        var read = Task.Run(() =>
        {
            using var reader = stdin();
            return ReadLimited(reader);
        }, CancellationToken.None);
        try
        {
            return await read.WaitAsync(StdinTimeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new BibException($"read \"-\": standard input did not end within {StdinTimeout.TotalSeconds:0} seconds", e);
        }
        catch (BoundedFileException e)
        {
            throw new BibException($"read \"-\": {e.Message}", e);
        }
    }

    // A closed or unreadable descriptor 0 is refused at once rather than waited on until the time limit.
    private static TextReader OpenStandardInput() =>
        StandardInput.Problem() is { } problem ? throw new BibException($"read \"-\": {problem}") : Console.In;

    private static string ReadLimited(TextReader reader)
    {
        var buffer = new char[64 * 1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > MaxConfigBytes)
            {
                throw new BoundedFileException(FileKind.Fifo, $"is larger than {MaxConfigBytes} bytes");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
