namespace BootcImageBuilder.Randomness;

/// <summary>
/// The one source of every random value in a manifest (partition and filesystem UUIDs, FAT volume ids,
/// password salts), so that a seed makes manifests byte-identical run to run.
/// </summary>
public interface IRandomSource
{
    void NextBytes(Span<byte> buffer);
}
