namespace BootcImageBuilder.Blueprint;

/// <summary>A JSON config holds more than one value; upstream has its own message for that.</summary>
internal sealed class ExtraConfigDataException : Exception
{
    public ExtraConfigDataException()
    {
    }

    public ExtraConfigDataException(string message)
        : base(message)
    {
    }

    public ExtraConfigDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
