using Sim.Core.Workloads;

namespace Sim.Arch.NpuPim;

/// <summary>
/// GEMM compute cycles on NeuPIMs-style pipelined weight-stationary arrays (after NeuPIMs src/SystolicWS.cc; our own
/// closed form, see ../shared/research/pim-sparse-attn.md §A.1.1 and §A.6 eq. 7).
/// <para>
/// Z[M,N] = X[M,K]·W[K,N] is cut into ⌈K/H⌉·⌈N/W⌉ weight tiles, taken column-fold-major and dealt round-robin to the
/// arrays. One tile is one instruction: it streams all M rows and finishes H + w − 2 + max(M, 4) cycles after it starts
/// (skewed fill/drain over H rows and its w active columns; NeuPIMs' 4-cycle minimum issue). On one array the next
/// instruction starts max(M, 4, H) cycles after the previous one: max(M, 4) is NeuPIMs' back-to-back spacing, and the
/// next tile's weights (H rows shifted in, double-buffered) load during the current stream, so the preload is hidden
/// unless M &lt; H. The array's first tile waits H cycles for its preload.
/// </para>
/// <para>
/// So array a with n_a tiles, its last w_a wide, finishes at H + (n_a − 1)·max(M, 4, H) + H + w_a − 2 + max(M, 4), and the
/// GEMM takes the latest array. Differences from NeuPIMs: its first preload into an empty pipeline costs 2H − 1 (H − 1
/// more: the scratchpad read, which we take as prefetched), and it spaces a preloading instruction exactly H after the
/// previous start even when M &gt; H. With one array and M ≥ 4 this is never longer than the SCALE-Sim WS fold sum
/// (Sim.Arch/Systolic default mode: Σ_folds M + 2H + w − 2): the two agree on a single tile and ours overlaps every
/// later preload.
/// </para>
/// </summary>
public static class PipelinedWsTiming
{
    /// <summary>Compute cycles of <paramref name="gemm"/> on <paramref name="arrays"/> arrays of <paramref name="rows"/>×<paramref name="cols"/>.</summary>
    public static long GemmCycles(GemmShape gemm, int arrays, int rows, int cols)
    {
        ValidateArrays(arrays, rows, cols);
        if (gemm.M < 1 || gemm.N < 1 || gemm.K < 1)
            throw new ArgumentException($"GEMM {gemm} needs positive dimensions", nameof(gemm));
        var kFolds = CeilDiv(gemm.K, rows);
        var nFolds = CeilDiv(gemm.N, cols);
        return Cycles(gemm.M, kFolds * nFolds, t => (int)Math.Min(cols, gemm.N - t / kFolds * cols), arrays, rows);
    }

    public static long GemmCycles(GemmShape gemm, NpuSpec npu)
    {
        ArgumentNullException.ThrowIfNull(npu);
        return GemmCycles(gemm, npu.Arrays, npu.ArrayRows, npu.ArrayCols);
    }

    /// <summary>
    /// Cycles of <paramref name="tiles"/> weight tiles, each streaming <paramref name="streamRows"/> rows, tile t being
    /// <paramref name="widthOfTile"/>(t) columns wide, dealt round-robin to <paramref name="arrays"/> arrays of height
    /// <paramref name="rows"/>.
    /// </summary>
    public static long Cycles(long streamRows, long tiles, Func<long, int> widthOfTile, int arrays, int rows)
    {
        ArgumentNullException.ThrowIfNull(widthOfTile);
        if (tiles == 0)
            return 0;
        var issue = Math.Max(streamRows, 4);
        var spacing = Math.Max(issue, rows);
        long latest = 0;
        for (var a = 0L; a < Math.Min(arrays, tiles); a++)
        {
            var count = (tiles - 1 - a) / arrays + 1;
            var last = a + (count - 1) * arrays;
            var finish = checked(rows + (count - 1) * spacing + rows + widthOfTile(last) - 2 + issue);
            latest = Math.Max(latest, finish);
        }

        return latest;
    }

    private static void ValidateArrays(int arrays, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arrays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
    }

    internal static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
