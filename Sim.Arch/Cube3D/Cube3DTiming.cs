using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Cube3D;

/// <summary>
/// How a GEMM maps onto an M0×K0×N0 cube and how long it takes, in closed form.
/// <para>
/// Mapping: output-stationary. The cube's M0 rows take GEMM M, its N0 columns GEMM N; a fold is one M0×N0 output block,
/// and folds run column-fold-major like every other grid (<see cref="FoldGeometry"/>). Within a fold the streamed dim
/// is the K <em>step</em> count k = kSteps = ⌈K/K0⌉: every cycle the cube issues one step,
/// C_block[M0×N0] += A_block[M0×K0]·B_block[K0×N0].
/// </para>
/// <para>
/// Pipeline: a step multiplies (1 cycle), sums each output's K0 products in a binary adder tree (⌈log2 K0⌉ cycles,
/// 0 for K0 = 1) and adds the sum into the accumulator buffer L0C (1 cycle): depth D = 2 + ⌈log2 K0⌉. Steps write L0C
/// in issue order, one per cycle unless the pipeline holds; the first write is at D − 1.
/// </para>
/// <para>
/// Drain: a finished block leaves L0C one row of N0 accumulators per cycle, so fold f, whose row fold has r_f active
/// rows (<see cref="FoldGeometry.ActiveRows"/>), drains in r_f cycles; its active columns do not matter (the port is
/// N0 wide), so of the four fold kinds (full/partial rows × full/partial columns) only two times differ. Blocks drain
/// one at a time, in fold order, starting the cycle after their last write. L0C is double-buffered: fold f + 2's first
/// write waits (the whole pipeline holds) until fold f has drained.
/// </para>
/// <para>
/// Derivation. Let W_f be fold f's first L0C write and DE_f the cycle after its drain ends. Writes are in order, so
/// W_{f+1} = max(W_f + k, DE_{f−1}), and fold f drains from DS_f = max(W_f + k, DE_{f−1}) = W_{f+1}, so
/// DE_f = W_{f+1} + r_f. Substituting DE_{f−1} = W_f + r_{f−1}: W_1 = W_0 + k and W_{f+1} = W_f + max(k, r_{f−1}).
/// The run ends at DE_{F−1} = W_{F−1} + max(k, r_{F−2}) + r_{F−1} (for F folds; W_0 + k + r_0 if F = 1), i.e.
/// </para>
/// <code>compute = Σ_{f &lt; F−1} max(k, r_f) + k + (D − 1) + r_last</code>
/// <para>
/// every fold but the last costs its own period max(k, r_f) (issue port or drain port, whichever is slower), and the
/// last fold's steps, pipeline latency and r_last-row drain are exposed. Column-fold-major, the last fold is the last
/// row fold of the last column fold, so r_last = <see cref="FoldGeometry.LastRows"/>. Each of the C = ColFolds column
/// folds has R − 1 full row folds (M0 rows) and one last row fold (r_last rows, = M0 when M0 divides M), so the sum
/// has two kinds of term and the closed form is O(1):
/// </para>
/// <code>compute = C·(R − 1)·max(k, M0) + (C − 1)·max(k, r_last) + k + (D − 1) + r_last</code>
/// <para>
/// <see cref="Cube3DTraceModel"/> steps the same rules cycle by cycle without this algebra.
/// </para>
/// <para>
/// Monotonicity (growing one cube side, the others fixed). N0: only C drops, and C's coefficient
/// (R − 1)·max(k, M0) + max(k, r_last) is ≥ 0, so cycles never grow. K0: R, C, r_last stay, k never grows and every
/// term is non-decreasing in k, but D may gain adder-tree levels, so cycles grow by at most the extra levels. M0 is
/// <em>not</em> monotone. Write compute = (C − 1)·G + H + k + (D − 1) with G = (R − 1)·max(k, M0) + max(k, r_last)
/// (a column fold but the last) and H = (R − 1)·max(k, M0) + r_last (the last one). H never grows with M0: H = M once
/// M0 ≥ k; below, H = (R − 1)·k + r_last ≥ M, and a taller M0′ &lt; k either keeps R and shrinks r_last or drops R,
/// saving ≥ k against an r_last growth &lt; M0′ &lt; k. G ≥ M always and G = R·k is non-increasing while M0 &lt; k,
/// but once M0 ≥ k and R ≥ 2, G = M + max(0, k − r_last): the drain port moves the same M rows per column fold
/// whatever M0 is, and idles k − r_last cycles whenever the partial block drains in fewer cycles than the k steps of
/// the block after it. Growing M0 to M0′ (with R′, r′_last) therefore adds at most (C − 1)·max(0, k − r′_last), and
/// only if R′ ≥ 2 and M0′ ≥ k; with a single column fold, or r′_last ≥ k, it never adds cycles. Example (pinned in
/// the tests): M=5, N=2, K=2 on M0×1×1 (k = 2, C = 2): M0 = 3 splits each column's 5 rows 3 + 2 and takes 13 cycles;
/// M0 = 4 splits them 4 + 1, the 1-row drain leaves the port idle a cycle, and it takes 14 (the bound, 1·(2 − 1)).
/// </para>
/// </summary>
public static class Cube3DTiming
{
    /// <summary>The cube as a 2D OS grid of M0×N0 whose stream is the kSteps = ⌈K/K0⌉ K steps.</summary>
    /// <remarks>
    /// <see cref="Memory.FoldTraffic"/> sizes a fold's A and B tiles with <c>gemm.K</c> (elements), not with the stream
    /// length (steps): that is what we want, since a fold needs every K element of its A rows and B columns in the
    /// scratchpads; the step count only sets how long the fold computes.
    /// </remarks>
    public static FoldGeometry Geometry(GemmShape gemm, Cube3DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.M <= 0 || spec.K <= 0 || spec.N <= 0)
            throw new ArgumentException($"cube sides must be positive ({spec})", nameof(spec));
        return new FoldGeometry(Dataflow.Os, spec.M, spec.N, gemm.M, gemm.N, FoldGeometry.CeilDiv(gemm.K, spec.K));
    }

    /// <summary>D = multiply (1) + adder tree (⌈log2 K0⌉) + accumulate into L0C (1).</summary>
    public static int PipelineDepthCycles(Cube3DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return 1 + BinaryAdderTree.Levels(spec.K) + 1;
    }

    /// <summary>
    /// Cycles fold f costs before the next one can take its place, max(kSteps, r_f): the slower of the issue port
    /// (kSteps steps) and the drain port (its r_f active rows). This is also the window
    /// <see cref="Memory.FoldTraffic"/> gets per fold to prefetch the next fold's operands and write back an earlier
    /// block. Active columns do not change it (a partial block still issues every step and drains one row per cycle).
    /// </summary>
    public static long FoldPeriodCycles(long kSteps, int activeRows) => Math.Max(kSteps, activeRows);

    /// <summary>
    /// C·(R − 1)·max(kSteps, M0) + (C − 1)·max(kSteps, r_last) + kSteps + (D − 1) + r_last, with C column folds, R row
    /// folds and r_last = <see cref="FoldGeometry.LastRows"/> (derivation above); checked, so an absurd op throws
    /// instead of wrapping.
    /// </summary>
    public static long ComputeCycles(FoldGeometry g, int pipelineDepthCycles)
    {
        var kSteps = g.StreamDim;
        var lastRows = g.LastRows;
        return checked(
            g.ColFolds * (g.RowFolds - 1) * FoldPeriodCycles(kSteps, g.ArrayRows)
            + (g.ColFolds - 1) * FoldPeriodCycles(kSteps, lastRows)
            + kSteps + (pipelineDepthCycles - 1) + lastRows);
    }
}
