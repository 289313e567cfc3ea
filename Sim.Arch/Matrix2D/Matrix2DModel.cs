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
/// fold's K steps issue in cycles 0…K−1 and its last MAC lands in cycle K−1+(D−1). Its R×C results are then handed to
/// shadow accumulators and leave one row (C values) per cycle down a fixed R-deep row chain: R drain cycles, the full
/// height even for a partial row fold, because a top row must shift past every row below it. The shadow lets the next
/// fold's K steps run during that drain, but (i) the main accumulators take a new fold only after K steps and (ii) the
/// shadow takes a new fold only after R drain cycles, so folds start every P = max(K, R) cycles. The last fold
/// finishes K + (D − 1) + R cycles after it starts:
/// <c>ComputeCycles = (folds − 1)·max(K, R) + K + (D − 1) + R</c>. When K &lt; R the drain binds (the overlap rule).
/// FoldTraffic gets P per fold whatever the active columns: a partial column fold still takes K steps and R drains.
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
        if (gemm.M <= 0 || gemm.N <= 0 || gemm.K <= 0)
            throw new ArgumentException($"op '{opName}': GEMM dims must be positive ({gemm})", nameof(gemm));

        var macs = gemm.Macs; // checked: an op too large for 64-bit counters fails here, before any walk
        var g = Geometry(gemm, spec);
        var computeCycles = ComputeCycles(g);
        var period = FoldPeriodCycles(g);
        var sram = SramWords(g, gemm);
        var dram = FoldTraffic.Compute(g, gemm, arch, (_, _) => period);
        var totalCycles = checked(computeCycles + dram.StallCycles);
        return new OpResult
        {
            Op = opName,
            Macs = macs,
            ComputeCycles = computeCycles,
            StallCycles = dram.StallCycles,
            Utilization = macs / ((double)spec.PeCount * totalCycles),
            ComputeUtilization = macs / ((double)spec.PeCount * computeCycles),
            MappingEfficiency = g.MappingEfficiency,
            Folds = g.Folds,
            SramReadsIfmapWords = sram.IfmapReads,
            SramReadsFilterWords = sram.FilterReads,
            SramWritesOfmapWords = sram.OfmapWrites,
            SramReadsOfmapWords = sram.OfmapReads,
            DramReadsIfmapBytes = dram.IfmapBytes,
            DramReadsFilterBytes = dram.FilterBytes,
            DramWritesOfmapBytes = dram.OfmapWriteBytes,
            DramReadsOfmapBytes = dram.OfmapReadBytes,
            AccumulatorAccessBytes = 0, // every output is accumulated in its own PE; the shadow copy is in the PE too
        };
    }

    /// <summary>The OS grid mapping: rows ← M, cols ← N, K streamed.</summary>
    public static FoldGeometry Geometry(GemmShape gemm, Matrix2DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Rows <= 0 || spec.Cols <= 0)
            throw new ArgumentException($"matrix2d grid sides must be positive ({spec.Rows}x{spec.Cols})", nameof(spec));
        return FoldGeometry.Of(gemm, Dataflow.Os, spec.Rows, spec.Cols);
    }

    /// <summary>P = max(K, R): the main accumulators are busy K steps, the shadow R drain cycles (see the class doc).</summary>
    public static long FoldPeriodCycles(FoldGeometry g) => Math.Max(g.StreamDim, g.ArrayRows);

    /// <summary>(folds − 1)·max(K, R) + K + (D − 1) + R.</summary>
    public static long ComputeCycles(FoldGeometry g) =>
        checked((g.Folds - 1) * FoldPeriodCycles(g) + g.StreamDim + (PipelineDepthCycles - 1) + g.ArrayRows);

    /// <summary>
    /// Words moved between the scratchpads and the grid. Each step reads the fold's active A column (≤ R words) and
    /// B row (≤ C words) once and broadcasts them, so A is read once per column fold (ColFolds·M·K) and B once per row
    /// fold (RowFolds·K·N). Each output leaves once, in the drain (M·N writes); nothing is read back, since a fold
    /// covers all of K.
    /// </summary>
    public static (long IfmapReads, long FilterReads, long OfmapWrites, long OfmapReads) SramWords(FoldGeometry g, GemmShape gemm)
    {
        checked
        {
            return (g.ColFolds * gemm.M * gemm.K, g.RowFolds * gemm.K * gemm.N, gemm.M * gemm.N, 0);
        }
    }

    private static Matrix2DSpec SpecOf(ArchSpec arch) =>
        arch.Tile as Matrix2DSpec
        ?? throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a 2D broadcast matrix", nameof(arch));
}
