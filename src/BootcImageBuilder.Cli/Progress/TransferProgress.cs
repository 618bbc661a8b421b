using BootcImageBuilder.Building;
namespace BootcImageBuilder.Cli.Progress;

/// <summary>Byte counts reported by the core (<see cref="IProgress{T}"/>) shown through the chosen progress view.</summary>
internal sealed class TransferProgress(IProgressReporter reporter, string label, long total) : IProgress<long>
{
    public void Report(long value) => reporter.Transfer(label, value, total);
}
