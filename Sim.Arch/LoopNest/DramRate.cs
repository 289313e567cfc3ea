namespace Sim.Arch.LoopNest;

/// <summary>
/// DRAM bandwidth as an exact fraction: <see cref="Bytes"/> bytes every <see cref="Cycles"/> cycles. The loop-nest
/// model computes DRAM cycles as ⌈bytes · Cycles / Bytes⌉ in integers (not ⌈bytes / double⌉), so the CP-SAT mapper can
/// encode exactly the same number: dramCycles · Bytes − bytes · Cycles ∈ [0, Bytes − 1].
/// </summary>
public readonly record struct DramRate(long Bytes, long Cycles)
{
    private const long MaxDenominator = 1_000_000;

    /// <summary>
    /// The bandwidth as a fraction (12.8 → 64/5), found by continued fractions: the first convergent whose value is the
    /// configured double exactly, or — when no denominator up to 10⁶ gives it exactly (e.g. 0.1234567) — the last
    /// convergent with a denominator up to 10⁶ (then |x − h/k| &lt; 1/(k·k_next) ≤ 10⁻⁶/k); null for +∞.
    /// </summary>
    public static DramRate? FromBytesPerCycle(double bytesPerCycle)
    {
        if (double.IsPositiveInfinity(bytesPerCycle))
            return null;
        if (!(bytesPerCycle > 0) || bytesPerCycle > 1e12)
            throw new ArgumentOutOfRangeException(nameof(bytesPerCycle), bytesPerCycle, "DRAM bandwidth must be positive and at most 1e12 B/cycle");

        // Convergents h/k of the continued fraction of x, with h₋₁/k₋₁ = 1/0 and h₋₂/k₋₂ = 0/1.
        long h = 1, k = 0, hPrev = 0, kPrev = 1;
        var rest = bytesPerCycle;
        // Start from 1 byte per ⌈1/x⌉ cycles below 1 B/cycle (so a tiny bandwidth never becomes 1 B/cycle), x/1 above.
        var best = bytesPerCycle < 1
            ? new DramRate(1, (long)Math.Round(1 / bytesPerCycle, MidpointRounding.AwayFromZero))
            : new DramRate((long)Math.Round(bytesPerCycle, MidpointRounding.AwayFromZero), 1);
        for (var term = 0; term < 64; term++)
        {
            var a = Math.Floor(rest);
            if (a > 1e12)
                break;
            var (hNext, kNext) = ((long)a * h + hPrev, (long)a * k + kPrev);
            if (kNext > MaxDenominator)
                break;
            (hPrev, kPrev, h, k) = (h, k, hNext, kNext);
            if (h > 0)
                best = new DramRate(h, k);
            if ((double)h / k == bytesPerCycle || rest == a)
                break;
            rest = 1 / (rest - a);
        }

        return best;
    }

    /// <summary>⌈bytes / bandwidth⌉, exactly.</summary>
    public long CyclesFor(long bytes)
    {
        var scaled = (Int128)bytes * Cycles;
        return checked((long)((scaled + Bytes - 1) / Bytes));
    }
}
