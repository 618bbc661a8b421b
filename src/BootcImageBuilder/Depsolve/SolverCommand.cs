namespace BootcImageBuilder.Depsolve;

/// <summary>How to start a solver that speaks the <c>osbuild-depsolve-dnf</c> protocol.</summary>
public sealed record SolverCommand(string Program, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', [Program, .. Arguments]);
}
