namespace Sim.Arch.LoopNest;

/// <summary>
/// DRAM bandwidth as an exact fraction: <see cref="Bytes"/> bytes every <see cref="Cycles"/> cycles. The loop-nest
/// model computes DRAM cycles as ⌈bytes · Cycles / Bytes⌉ in integers (not ⌈bytes / double⌉), so the CP-SAT mapper can
/// encode exactly the same number: dramCycles · Bytes − bytes · Cycles ∈ [0, Bytes − 1].
/// </summary>
public readonly record struct DramRate(long Bytes, long Cycles)
{
    private const long MaxDenominator = 1_000_000;

    /// <summary>The smallest-denominator fraction (≤ 10⁶) whose double value is <paramref name="bytesPerCycle"/>
    /// (12.8 → 64/5); null for +∞ (unlimited bandwidth).</summary>
    public static DramRate? FromBytesPerCycle(double bytesPerCycle)
    {
        if (double.IsPositiveInfinity(bytesPerCycle))
            return null;
        if (!(bytesPerCycle > 0) || bytesPerCycle > 1e12)
            throw new ArgumentOutOfRangeException(nameof(bytesPerCycle), bytesPerCycle, "DRAM bandwidth must be positive and at most 1e12 B/cycle");
        for (long cycles = 1; cycles <= MaxDenominator; cycles++)
        {
            var bytes = (long)Math.Round(bytesPerCycle * cycles, MidpointRounding.AwayFromZero);
            if (bytes > 0 && (double)bytes / cycles == bytesPerCycle)
                return new DramRate(bytes, cycles);
        }

        throw new ArgumentOutOfRangeException(nameof(bytesPerCycle), bytesPerCycle, "DRAM bandwidth is not a fraction with a denominator up to 1e6");
    }

    /// <summary>⌈bytes / bandwidth⌉, exactly.</summary>
    public long CyclesFor(long bytes)
    {
        var scaled = (Int128)bytes * Cycles;
        return checked((long)((scaled + Bytes - 1) / Bytes));
    }
}
