using Sim.Arch.Folding;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Systolic;

/// <summary>
/// Cycle and traffic model of an R×C systolic array (SCALE-Sim v2 semantics, see <see cref="FoldGeometry"/>).
/// Compute cycles and SRAM counts are closed forms; DRAM traffic and stalls come from <see cref="FoldTraffic"/>.
/// </summary>
public sealed class SystolicModel : ITileModel
{
    public string Kind => SystolicSpec.KindName;

    public OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch.Tile is not SystolicSpec spec)
            throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a systolic array", nameof(arch));
        FoldResult.Validate(opName, gemm);
        var g = FoldGeometry.Of(gemm, spec);
        var computeCycles = ComputeCycles(g, mode);
        var sram = SramWords(g, gemm, mode);
        var dram = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, mode), (_, cols) => g.FoldCycles(mode, cols));
        // OS accumulates in the PEs; WS/IS partial sums go to the ofmap buffer (SRAM counts): no accumulator bytes.
        var result = FoldResult.Build(opName, gemm, spec.PeCount, computeCycles, g.Folds, g.MappingEfficiency, sram, dram, accumulatorAccessBytes: 0);
        return result with { ComputeUtilization = ComputeUtilization(g, gemm, computeCycles, mode) };
    }

    /// <summary>
    /// SCALE-Sim: every fold takes the full-array time, and the reported count is the demand length − 1 — but at least
    /// one cycle (SCALE-Sim reports 0 for a 1×1×1 GEMM on a 1×1 array, which would make utilization infinite).
    /// Default: the sum of <see cref="FoldGeometry.FoldCycles(SimMode, int)"/> over folds, in closed form.
    /// </summary>
    public static long ComputeCycles(FoldGeometry g, SimMode mode)
    {
        checked
        {
            if (mode == SimMode.ScaleSim)
                return Math.Max(1, g.Folds * g.FoldCycles(g.ArrayRows, g.ArrayCols) - 1);

            // Σ_folds (stream − 2 + R [+ R preload] + active cols), with Σ active cols = RowFolds·ColDim.
            var height = g.ArrayRows * (g.PreloadsStationary() ? 2L : 1L);
            return g.Folds * (g.StreamDim - 2 + height) + g.RowFolds * g.ColDim;
        }
    }

    /// <summary>
    /// SCALE-Sim averages mac_used·T / (R·C·cycles) over folds, where every fold has the same cycles — so the average is
    /// T·Σmac_used / (R·C·cycles·folds) with Σmac_used = RowDim·ColDim. Its WS/IS per-fold cycles are 2R+2C+T−3 (the
    /// unskewed stationary-operand block), C−1 more than the real fold length; kept for compatibility.
    /// </summary>
    private static double ComputeUtilization(FoldGeometry g, GemmShape gemm, long computeCycles, SimMode mode)
    {
        double pes = (double)g.ArrayRows * g.ArrayCols;
        if (mode != SimMode.ScaleSim)
            return gemm.Macs / (pes * computeCycles);
        var foldCycles = g.FoldCycles(g.ArrayRows, g.ArrayCols) + (g.PreloadsStationary() ? g.ArrayCols - 1 : 0);
        return (double)g.StreamDim * g.RowDim * g.ColDim / (pes * foldCycles * g.Folds);
    }

    /// <summary>
    /// Words moved between the scratchpads and the array. The streamed operand is read once per fold for every active
    /// row/col; the stationary operand once per fold for its tile; outputs are written once per fold (partial sums for
    /// WS/IS, which the ofmap buffer accumulates: reads of earlier partial sums are counted separately).
    /// SCALE-Sim mode keeps its OS ofmap counter, which adds R+C per fold (systolic_compute_os.py adds the block's
    /// shape sum as well as its size).
    /// </summary>
    public static SramWords SramWords(FoldGeometry g, GemmShape gemm, SimMode mode)
    {
        long m = gemm.M, n = gemm.N, k = gemm.K;
        var osOfmapExtra = mode == SimMode.ScaleSim ? g.Folds * (g.ArrayRows + g.ArrayCols) : 0;
        return g.Dataflow switch
        {
            // rows ← M, cols ← N: A re-read for every column fold, B for every row fold.
            Dataflow.Os => new(g.ColFolds * m * k, g.RowFolds * k * n, m * n + osOfmapExtra, 0),
            // rows ← K, cols ← N: B read once; A re-read per column fold; Z written per K fold.
            Dataflow.Ws => new(g.ColFolds * m * k, k * n, g.RowFolds * m * n, (g.RowFolds - 1) * m * n),
            // rows ← K, cols ← M: A read once; B re-read per column fold; Z written per K fold.
            Dataflow.Is => new(m * k, g.ColFolds * k * n, g.RowFolds * m * n, (g.RowFolds - 1) * m * n),
            _ => throw new ArgumentOutOfRangeException(nameof(g)),
        };
    }

}
