namespace Sim.Mapping.Graph;

/// <summary>How the operator order is chosen before (or while) allocating.</summary>
public enum OrderMode
{
    /// <summary>The graph's declared order.</summary>
    Given,

    /// <summary>The order of minimum peak footprint (exact DP for small graphs, greedy otherwise), then the fixed-schedule model.</summary>
    MinPeak,

    /// <summary>Order and allocation solved together (time-indexed CP-SAT); small graphs only.</summary>
    Joint,

    /// <summary>Min-peak order improved window by window (see <see cref="GraphAllocator"/>).</summary>
    Window,
}

/// <summary>Settings of one graph allocation. Solver runs are single-worker with a fixed seed, so they are deterministic
/// unless the wall-clock limit cuts them; set <see cref="DeterministicTimeLimit"/> for reproducible limits.</summary>
public sealed record GraphAllocatorOptions
{
    /// <summary>2^50 bytes (1 PiB): larger budgets are rejected rather than risking overflow in the models.</summary>
    public const long MaxScratchpadBytes = 1L << 50;

    public required long ScratchpadBytes { get; init; }

    public OrderMode OrderMode { get; init; } = OrderMode.Given;

    public double TimeLimitSeconds { get; init; } = 10;

    /// <summary>CP-SAT's deterministic time budget (machine-independent work units); null = none.</summary>
    public double? DeterministicTimeLimit { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Addresses are multiples of this and blocks occupy whole granules.</summary>
    public long AlignmentBytes { get; init; } = 1;

    /// <summary>Up to this many operators the min-peak order is exact (DP over scheduled subsets).</summary>
    public int ExactOrderMaxOps { get; init; } = MinPeakOrder.DefaultExactMaxOps;

    /// <summary>Operators per window in <see cref="OrderMode.Window"/>.</summary>
    public int WindowOps { get; init; } = 8;

    internal string SolverParameters(double timeLimitSeconds) =>
        FormattableString.Invariant($"num_workers:1 random_seed:{Seed} max_time_in_seconds:{timeLimitSeconds}")
        + (DeterministicTimeLimit is { } d ? FormattableString.Invariant($" max_deterministic_time:{d}") : "");

    internal void Check()
    {
        if (ScratchpadBytes < 1)
            throw new ArgumentException($"ScratchpadBytes is {ScratchpadBytes}; it must be positive");
        if (ScratchpadBytes > MaxScratchpadBytes)
            throw new ArgumentException($"ScratchpadBytes is {ScratchpadBytes}; at most 2^50 bytes (1 PiB) are supported, give a smaller scratchpad");
        if (AlignmentBytes < 1)
            throw new ArgumentException($"AlignmentBytes is {AlignmentBytes}; it must be positive");
        if (TimeLimitSeconds <= 0)
            throw new ArgumentException($"TimeLimitSeconds is {TimeLimitSeconds}; it must be positive");
        if (WindowOps < 2)
            throw new ArgumentException($"WindowOps is {WindowOps}; a window needs at least 2 operators");
    }
}
