namespace BootcImageBuilder.Cli.Tests;

public class ErrorReporterTests
{
    private static readonly DateTime Noon = new(2026, 11, 25, 12, 0, 5, DateTimeKind.Local);

    [Fact]
    public void A_user_error_is_printed_with_gos_log_timestamp()
    {
        using var stderr = new StringWriter();

        var code = ErrorReporter.Report(stderr, new BibException("cannot generate manifest: boom"), Noon);

        Assert.Equal(1, code);
        Assert.Equal("2026/11/25 12:00:05 error: cannot generate manifest: boom\n", stderr.ToString());
    }

    [Fact]
    public void An_unexpected_exception_shows_none_of_the_runtimes_words()
    {
        using var stderr = new StringWriter();

        ErrorReporter.Report(stderr, new InvalidOperationException("Change TomlSerializerOptions.MaxDepth"), Noon);

        Assert.Equal("2026/11/25 12:00:05 error: internal error (run with --log-level debug for details)\n", stderr.ToString());
    }

    [Fact]
    public void An_unexpected_io_failure_says_so_in_our_words()
    {
        using var stderr = new StringWriter();

        ErrorReporter.Report(stderr, new IOException("No space left on device : '/output/disk.qcow2'"), Noon);

        Assert.Equal("2026/11/25 12:00:05 error: input/output error (run with --log-level debug for details)\n", stderr.ToString());
    }

    [Fact]
    public void Cancellation_reads_as_interrupted()
    {
        using var stderr = new StringWriter();

        ErrorReporter.Report(stderr, new OperationCanceledException(), Noon);

        Assert.Equal("2026/11/25 12:00:05 error: interrupted\n", stderr.ToString());
    }
}
