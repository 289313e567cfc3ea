using System.Numerics;
using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Cube3D;

/// <summary>
/// How a GEMM maps onto an M0×K0×N0 cube and how long it takes, in closed form.
/// <para>
/// Mapping: output-stationary. The cube's M0 rows take GEMM M, its N0 columns GEMM N; a fold is one M0×N0 output block,
/// and folds run column-fold-major like every other grid (<see cref="FoldGeometry"/>). Within a fold the streamed dim is
/// the K <em>step</em> count kSteps = ⌈K/K0⌉: every cycle the cube issues one step,
/// C_block[M0×N0] += A_block[M0×K0]·B_block[K0×N0].
/// </para>
/// <para>
/// Pipeline: a step multiplies (1 cycle), sums each output's K0 products in a binary adder tree (⌈log2 K0⌉ cycles,
/// 0 for K0 = 1) and adds the sum into the accumulator buffer L0C (1 cycle): depth D = 2 + ⌈log2 K0⌉. A step issued at
/// cycle t writes L0C at t + D − 1, so a fold's last write is at S + kSteps + D − 2 for a fold starting at S.
/// </para>
/// <para>
/// Drain: a finished block leaves L0C one row of N0 values per cycle, M0 cycles whatever its active rows (the drain
/// port walks the whole buffer), one block at a time. L0C is double-buffered, so a block drains while the next fold
/// issues; fold f + 2's first L0C write must wait until fold f's drain has ended. Fold starts are therefore
/// S_{f+1} = max(S_f + kSteps, DE_{f−1} − (D − 1)) and drains DS_f = max(S_f + kSteps + D − 1, DE_{f−1}),
/// DE_f = DS_f + M0. Solving: if kSteps ≥ M0 the issue port binds and S_f = f·kSteps, drains never wait; if M0 &gt; kSteps
/// the drain port binds and drains run back to back (the L0C wait then delays issue, but never the last drain: the
/// serial drain port is the bottleneck either way). The steady-state fold period is P = max(kSteps, M0), and the last
/// drain ends at
/// </para>
/// <code>compute = (folds − 1)·P + kSteps + (D − 1) + M0</code>
/// <para>
/// (the last fold's own steps, its pipeline latency and its drain are exposed). <see cref="Cube3DTraceModel"/> steps
/// the same rules cycle by cycle without this algebra.
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

    /// <summary>Levels of a binary adder tree over <paramref name="k0"/> leaves: ⌈log2 K0⌉, 0 for a single leaf.</summary>
    public static int AdderTreeLevels(int k0) => k0 <= 1 ? 0 : BitOperations.Log2((uint)(k0 - 1)) + 1;

    /// <summary>D = multiply (1) + adder tree (⌈log2 K0⌉) + accumulate into L0C (1).</summary>
    public static int PipelineDepthCycles(Cube3DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return 1 + AdderTreeLevels(spec.K) + 1;
    }

    /// <summary>
    /// Steady-state cycles between fold starts, max(kSteps, M0): the slower of the issue port (kSteps steps) and the
    /// drain port (M0 rows). This is also the window <see cref="Memory.FoldTraffic"/> gets per fold to prefetch the next
    /// fold's operands and write back an earlier block: consecutive folds start P apart, so that is the time the
    /// double-buffered scratchpads have. It does not depend on the active columns (a partial block still issues every
    /// step and drains all M0 rows).
    /// </summary>
    public static long FoldPeriodCycles(FoldGeometry g) => Math.Max(g.StreamDim, g.ArrayRows);

    /// <summary>(folds − 1)·max(kSteps, M0) + kSteps + (D − 1) + M0; checked, so an absurd op throws instead of wrapping.</summary>
    public static long ComputeCycles(FoldGeometry g, int pipelineDepthCycles) =>
        checked((g.Folds - 1) * FoldPeriodCycles(g) + g.StreamDim + (pipelineDepthCycles - 1) + g.ArrayRows);
}
