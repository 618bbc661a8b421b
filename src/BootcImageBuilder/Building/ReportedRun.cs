namespace BootcImageBuilder.Building;

/// <summary>Runs work under a progress view: a failure becomes the view's error event, and the view is stopped and disposed either way.</summary>
public static class ReportedRun
{
    public static async Task<T> RunAsync<T>(
        IProgressReporter progress, Func<IProgressReporter, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work(progress);
        }
        catch (Exception e)
        {
            // The words of the run's final error line.
            progress.Error(FailureText.MessageOf(FailureText.AsReported(e, cancellationToken)));
            throw;
        }
        finally
        {
            progress.Stop();
            (progress as IDisposable)?.Dispose();
        }
    }

    public static Task RunAsync(IProgressReporter progress, Func<IProgressReporter, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(progress, async view =>
        {
            await work(view);
            return true;
        }, cancellationToken);
    }
}
