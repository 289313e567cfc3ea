namespace Sim.Mapping.Graph;

/// <summary>Solver outcome. Optimal: proven; Feasible: a solution, gap open; Infeasible: proven none (see reason); Unknown: none found in the limit.</summary>
public enum AllocationStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
}

/// <summary>A tensor resident at one scratchpad address over steps [StartStep, EndStep).</summary>
public sealed record ResidencyRun(int TensorId, int StartStep, int EndStep, long AddressBytes, long SizeBytes);

/// <summary>An operator's working buffer (its chosen option's) at its step.</summary>
public sealed record WorkingBuffer(int OperatorId, int Step, long AddressBytes, long SizeBytes);

public enum TrafficKind
{
    CompulsoryRead,
    CompulsoryWrite,
    Spill,
    Reload,

    /// <summary>A streamed operator reads a tensor it does not hold from DRAM, tile by tile, at its step.</summary>
    StreamRead,

    /// <summary>A streamed operator writes an output it does not keep to DRAM as it produces it, at its step.</summary>
    StreamWrite,
}

/// <summary>
/// A DRAM transfer at a step: a spill is written after its step, a reload (and a compulsory read) arrives for its step,
/// a streamed read or write happens during its step.
/// </summary>
public sealed record TrafficEvent(int TensorId, int Step, TrafficKind Kind, long Bytes);

/// <summary>
/// A whole-graph schedule and scratchpad allocation: the operator order, the option chosen per operator, every residency
/// run and working buffer, the DRAM transfers, and the solver's status/objective/bound/gap. Objective = non-compulsory
/// off-chip bytes (spills + reloads + streamed reads and writes) + the chosen options' extra off-chip bytes.
/// <see cref="BestBoundBytes"/> is a proven lower bound on the objective, or <see cref="NoBound"/> (−1) where the
/// method proves none (the baseline, the window search). Non-solutions have no runs and a reason.
/// </summary>
public sealed record GraphAllocation(
    string Method,
    AllocationStatus Status,
    string? Reason,
    IReadOnlyList<int> Order,
    IReadOnlyList<int> ChosenOption,
    IReadOnlyList<ResidencyRun> Runs,
    IReadOnlyList<WorkingBuffer> WorkingBuffers,
    IReadOnlyList<TrafficEvent> Traffic,
    long CompulsoryReadBytes,
    long CompulsoryWriteBytes,
    long SpillBytes,
    long ReloadBytes,
    long StreamReadBytes,
    long StreamWriteBytes,
    long OptionExtraBytes,
    long PeakBytes,
    long ObjectiveBytes,
    long BestBoundBytes,
    double SolveSeconds)
{
    /// <summary>The <see cref="BestBoundBytes"/> of a result that proves no lower bound.</summary>
    public const long NoBound = -1;

    public bool HasSolution => Status is AllocationStatus.Optimal or AllocationStatus.Feasible;

    /// <summary>False when nothing bounds the objective from below (print "no bound", not a gap).</summary>
    public bool HasBound => BestBoundBytes >= 0;

    /// <summary>Spill writes + reload reads + streamed reads and writes: the traffic a bigger scratchpad would avoid.</summary>
    public long NonCompulsoryBytes => SpillBytes + ReloadBytes + StreamReadBytes + StreamWriteBytes;

    /// <summary>(objective − bound) / objective; 0 when optimal or the objective is 0; NaN when there is no bound.</summary>
    public double Gap => ObjectiveBytes <= 0 ? 0 : !HasBound ? double.NaN : (double)(ObjectiveBytes - BestBoundBytes) / ObjectiveBytes;

    public static GraphAllocation NoSolution(string method, AllocationStatus status, string reason, IReadOnlyList<int> order, double solveSeconds) =>
        new(method, status, reason, order, [], [], [], [], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, solveSeconds);
}
