namespace Sim.Explorer.Verify;

/// <summary>What became of one check.</summary>
public enum VerifyStatus
{
    Ok,
    Mismatch,

    /// <summary>A native target that is not on this machine: listed with its reason, not a failure.</summary>
    Unavailable,

    /// <summary>A native target whose <c>Supports(kernel, macs)</c> is false for this case: counted, not listed.</summary>
    Skipped,
}

/// <summary>
/// One row of the verify table: a case run through one path (a simulated executor, or a native target's kernel)
/// compared with the oracle (see <see cref="Comparison"/>). <see cref="Target"/> is "sim" for the simulator's own paths.
/// </summary>
public sealed record VerifyCheck(string Case, string Path, string Target, double MaxAbsError, double Bound, double WorstRatio, VerifyStatus Status, string Note)
{
    public const string SimulatorTarget = "sim";

    public static VerifyCheck From(string caseName, string path, string target, Comparison comparison, string note = "")
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var notes = string.Join("; ", new[] { note, comparison.Note }.Where(n => n.Length > 0));
        return new(caseName, path, target, comparison.MaxAbsError, comparison.Bound, comparison.WorstRatio, comparison.Ok ? VerifyStatus.Ok : VerifyStatus.Mismatch, notes);
    }
}
