using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Exact element-steps of a radix-R merge tree over one output row's f_i non-empty B fibers, grouped as the executor
/// groups them: pass 1 merges consecutive groups of R fibers, pass p groups of R^p. Pass 1 moves all F_i partial
/// products; each later pass moves the previous pass's outputs, in which equal columns are already combined, so it
/// moves Σ over its groups of the distinct columns of the group's fibers (not F_i again). Rows with f_i ≤ R take one
/// pass of F_i steps at no extra cost; a deeper row costs O(F_i) per extra pass — the steps it counts.
/// </summary>
public sealed class MergerSteps
{
    private readonly long[] _stamp;
    private long _group;

    /// <param name="columns">N, the width of the output (one stamp per column).</param>
    public MergerSteps(int columns) => _stamp = new long[columns];

    /// <summary>max(1, ⌈log_R f⌉) passes for f fibers (a row with one fiber still streams through the merger once).</summary>
    public static int Passes(long fibers, int radix)
    {
        var passes = 1;
        for (var width = (long)radix; width < fibers; width *= radix)
            passes++;
        return passes;
    }

    /// <summary>Element-steps of row <paramref name="row"/>: F_i for pass 1 plus the distinct columns per group of every later pass.</summary>
    public long Row(SpGemmStructure s, int row, int radix)
    {
        ArgumentNullException.ThrowIfNull(s);
        var steps = s.RowPartials[row];
        var a = s.Gemm.A;
        var b = s.Gemm.B;
        for (var width = (long)radix; width < s.RowFibers[row]; width *= radix)
        {
            long index = 0;
            foreach (var k in a.RowColumns(row))
            {
                if (b.RowNnz(k) == 0)
                    continue;
                if (index++ % width == 0)
                    _group++;
                foreach (var j in b.RowColumns(k))
                {
                    if (_stamp[j] == _group)
                        continue;
                    _stamp[j] = _group;
                    steps = checked(steps + 1);
                }
            }
        }

        return steps;
    }
}
