namespace BootcImageBuilder.Blueprint;

/// <summary>
/// A problem at one place in a config. Messages name the place and the expected shape, never the value found there
/// (values may be passwords). <see cref="BlueprintParser"/> turns it into a <see cref="BibException"/>.
/// </summary>
internal sealed class ConfigException : Exception
{
    public ConfigException(ConfigPath path, string problem)
        : base(path.IsRoot ? problem : $"{path}: {problem}")
    {
    }

    public ConfigException(ConfigPath path, string problem, Exception innerException)
        : base(path.IsRoot ? problem : $"{path}: {problem}", innerException)
    {
    }

    public ConfigException(string problem)
        : base(problem)
    {
    }

    public ConfigException()
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
