using Sim.Arch.Folding;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Matrix2D;

/// <summary>
/// Cycle and traffic model of an R×C 2D broadcast matrix (output stationary, one outer product per cycle).
/// <para>
/// Mapping: an OS grid, rows ← M, cols ← N, K streamed (<see cref="FoldGeometry.Of(GemmShape, Dataflow, int, int)"/>
/// with <see cref="Dataflow.Os"/>); folds run column-fold-major. In step p of a fold, column p of the A tile (R values)
/// is broadcast along the rows and row p of the B tile (C values) down the columns, and every PE does acc += a·b in
/// place: R·C MACs a cycle, no operand forwarding between PEs, hence no skewed fill as in a systolic array.
/// </para>
/// <para>
/// Derivation. The pipeline has <see cref="PipelineDepthCycles"/> = D = 2 stages (operand registers, then MAC), so a
/// fold's K steps issue in cycles 0…K−1 and its last MAC lands in cycle K−1+(D−1). Its results are then handed to
/// shadow accumulators, which a row select reads out one row (C values on the column buses) per cycle: a fold with
/// r active rows (<see cref="FoldGeometry.ActiveRows"/> of its row fold) drains in r cycles; the idle rows of a
/// partial row fold hold no results and are never selected. The shadow lets the next fold's K steps run during that
/// drain, but (i) the main accumulators take fold i+1 only after fold i's K steps and (ii) the shadow takes fold i+1
/// only after fold i's r_i drain cycles, so fold i+1 starts <c>P_i = max(K, r_i)</c> cycles after fold i. The last fold
/// ends K + (D − 1) + r_last cycles after it starts:
/// <c>ComputeCycles = Σ_{i &lt; last} max(K, r_i) + K + (D − 1) + r_last</c>. When K &lt; r_i the drain binds (the
/// overlap rule). The active columns change no time: every column drains in parallel.
/// </para>
/// <para>
/// Closed form. Folds run column-fold-major, so in every column fold the row folds 0…RF−2 have R active rows and row
/// fold RF−1 has r_L = <see cref="FoldGeometry.LastRows"/> (= R when R divides M); the last fold overall is the last
/// row fold of the last column fold, so r_last = r_L. The sum therefore has CF·(RF−1) terms max(K, R) and CF−1 terms
/// max(K, r_L) (CF = ⌈N/C⌉, RF = ⌈M/R⌉):
/// <c>ComputeCycles = CF·(RF−1)·max(K, R) + (CF−1)·max(K, r_L) + K + (D − 1) + r_L</c>, O(1) for any fold count.
/// </para>
/// <para>
/// Monotonicity. Regroup as (CF−1)·B + L with B = (RF−1)·max(K, R) + max(K, r_L), one column fold's periods, and
/// L = (RF−1)·max(K, R) + K + (D − 1) + r_L, the last column fold. A wider grid (C) only lowers CF: never slower.
/// A taller grid (R) never raises L: for R ≥ K, L = (RF−1)·R + r_L + K + 1 = M + K + 1; for R ≤ K,
/// L = RF·K + 1 + r_L is at least that and never rises with R (at equal RF, r_L shrinks; a fold fewer saves K ≥ any r_L rise). B ≥ M for every R
/// (max(K, r) ≥ r) and B = RF·K falls as R grows while R ≤ K, but for R &gt; K, B = M + (K − r_L)⁺: a partial row
/// fold with r_L &lt; K holds the accumulators K cycles yet drains only r_L, and r_L = M − (RF−1)·R jumps about as R
/// grows. So growing the grid (R→R', C→C') is never slower when R' ≤ K, when N ≤ C' (one column fold), or when
/// r_L' ≥ K, and otherwise adds at most (CF'−1)·(K − r_L') cycles. Real example: 10×2×3 on a 5×1 grid (row folds 5,
/// 5) takes 24 cycles, on 9×1 (row folds 9, 1) 26. There is no adder tree: D is the same for every grid, so no grid
/// dimension adds fill cycles.
/// FoldTraffic gets each fold's P = max(K, r) from its own active rows.
/// </para>
/// <para>
/// Mode: this engine has no SCALE-Sim convention, so <see cref="SimMode"/> changes no number; it is accepted for the
/// <see cref="ITileModel"/> contract only. SRAM and accumulator counts: see <see cref="SramWords"/>.
/// </para>
/// </summary>
public sealed class Matrix2DModel : ITileModel
{
    /// <summary>D: operand registers → multiply-accumulate.</summary>
    public const int PipelineDepthCycles = 2;

    public string Kind => Matrix2DSpec.KindName;

    public OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var spec = SpecOf(arch);
        FoldResult.Validate(opName, gemm);
        var g = Geometry(gemm, spec);
        var computeCycles = ComputeCycles(g);
        var sram = SramWords(g, gemm);
        var dram = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (rows, _) => FoldPeriodCycles(g, rows));
        return FoldResult.Build(opName, gemm, spec.PeCount, computeCycles, g.Folds, g.MappingEfficiency, sram, dram, accumulatorAccessBytes: 0); // each output accumulates in its own PE
    }

    /// <summary>The OS grid mapping: rows ← M, cols ← N, K streamed.</summary>
    public static FoldGeometry Geometry(GemmShape gemm, Matrix2DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Rows <= 0 || spec.Cols <= 0)
            throw new ArgumentException($"matrix2d grid sides must be positive ({spec.Rows}x{spec.Cols})", nameof(spec));
        return FoldGeometry.Of(gemm, Dataflow.Os, spec.Rows, spec.Cols);
    }

    /// <summary>
    /// P = max(K, r): cycles from a fold's start to the next fold's, for a fold with r active rows — the main
    /// accumulators are busy K steps, the shadow r drain cycles (see the class doc).
    /// </summary>
    public static long FoldPeriodCycles(FoldGeometry g, int activeRows) => Math.Max(g.StreamDim, activeRows);

    /// <summary>CF·(RF−1)·max(K, R) + (CF−1)·max(K, r_L) + K + (D − 1) + r_L, with r_L the last row fold's active rows.</summary>
    public static long ComputeCycles(FoldGeometry g)
    {
        checked
        {
            var lastRows = g.LastRows;
            var fullRowFolds = g.ColFolds * (g.RowFolds - 1);  // R active rows; never the last fold
            var lastRowFoldsButOne = g.ColFolds - 1;           // r_L active rows, except the very last fold
            return fullRowFolds * FoldPeriodCycles(g, g.ArrayRows)
                + lastRowFoldsButOne * FoldPeriodCycles(g, lastRows)
                + g.StreamDim + (PipelineDepthCycles - 1) + lastRows;
        }
    }

    /// <summary>
    /// Words moved between the scratchpads and the grid. Each step reads the fold's active A column (≤ R words) and
    /// B row (≤ C words) once and broadcasts them, so A is read once per column fold (ColFolds·M·K) and B once per row
    /// fold (RowFolds·K·N). Each output leaves once, in the drain (M·N writes); nothing is read back, since a fold
    /// covers all of K.
    /// </summary>
    public static SramWords SramWords(FoldGeometry g, GemmShape gemm)
    {
        checked
        {
            return new(g.ColFolds * gemm.M * gemm.K, g.RowFolds * gemm.K * gemm.N, gemm.M * gemm.N, 0);
        }
    }

    private static Matrix2DSpec SpecOf(ArchSpec arch) =>
        arch.Tile as Matrix2DSpec
        ?? throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a 2D broadcast matrix", nameof(arch));
}
