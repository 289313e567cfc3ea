using Sim.Core.Hardware;

namespace Sim.Arch.Memory;

/// <summary>
/// A bandwidth-limited DRAM behind double-buffered scratchpads, fed one fold at a time.
/// While fold i computes, DRAM fetches fold i+1's new operand bytes and writes back fold i−1's outputs; if that
/// takes longer than fold i's compute cycles the array stalls for the difference. The first fold's operands are
/// loaded up front and the last fold's outputs drained at the end, both exposed. A read transfer pays the access
/// latency once (requests are pipelined); writes are posted. Arithmetic is checked: a result beyond 64-bit cycle
/// counters throws <see cref="OverflowException"/> rather than wrapping.
/// </summary>
public struct DramPipeline
{
    private readonly double _bytesPerCycle;
    private readonly long _latencyCycles;

    public DramPipeline(DramSpec dram)
    {
        ArgumentNullException.ThrowIfNull(dram);
        _bytesPerCycle = dram.BandwidthBytesPerCycle;
        _latencyCycles = dram.LatencyCycles;
    }

    /// <summary>Everything that, with the next fold's inputs, determines the next fold's stall.</summary>
    public readonly record struct PipelineState(bool Started, long PreviousComputeCycles, long WritesOneBack, long WritesTwoBack);

    public PipelineState State { get; private set; }

    public long StallCycles { get; private set; }

    /// <summary>Adds the next fold: its compute time, the bytes it needs fetched first, the bytes it writes back after.</summary>
    public void AddFold(long computeCycles, long readBytes, long writeBytes)
    {
        var s = State;
        var stall = s.Started
            // Fold i's reads and fold i-2's writeback share fold i-1's compute window.
            ? Math.Max(0, TransferCycles(readBytes, s.WritesTwoBack) - s.PreviousComputeCycles)
            : TransferCycles(readBytes, 0);
        StallCycles = checked(StallCycles + stall);
        State = new PipelineState(true, computeCycles, writeBytes, s.WritesOneBack);
    }

    /// <summary>Adds stall cycles of folds whose effect was computed elsewhere (repeats of a steady state).</summary>
    public void AddStallCycles(long cycles) => StallCycles = checked(StallCycles + cycles);

    /// <summary>Closes the pipeline: the second-to-last writeback overlaps the last fold; the last one is exposed.</summary>
    public long Finish()
    {
        var s = State;
        if (s.Started)
        {
            AddStallCycles(Math.Max(0, TransferCycles(0, s.WritesTwoBack) - s.PreviousComputeCycles));
            AddStallCycles(TransferCycles(0, s.WritesOneBack));
            State = default;
        }

        return StallCycles;
    }

    private readonly long TransferCycles(long readBytes, long writeBytes)
    {
        var bytes = checked(readBytes + writeBytes);
        if (bytes == 0)
            return 0;
        return checked((readBytes > 0 ? _latencyCycles : 0) + (long)Math.Ceiling(bytes / _bytesPerCycle));
    }
}
