namespace BootcImageBuilder.Processes;

/// <summary>A child printed more than its call allows on one stream, so it was stopped.</summary>
public sealed class ProcessOutputLimitException : BibException
{
    public ProcessOutputLimitException(string program, string stream, long limit)
        : base($"{program} printed more than {limit} bytes on {stream}; it was stopped")
    {
    }

    public ProcessOutputLimitException()
    {
    }

    public ProcessOutputLimitException(string message)
        : base(message)
    {
    }

    public ProcessOutputLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
