using Sim.Core.Mapping;

namespace Sim.Arch.LoopNest;

/// <summary>
/// One way a PE array can realise a spatial unrolling: with <see cref="Stationary"/> held in the PEs, array axis i may
/// unroll only the dims in <see cref="AxisDims"/>[i]. A mapping is legal on a hierarchy with layouts iff some layout
/// with its stationary tensor contains every dim with a spatial factor &gt; 1 on each axis
/// (<see cref="SpatialLayouts.Allows"/>).
/// </summary>
public sealed record SpatialLayout(DataSpace Stationary, IReadOnlyList<IReadOnlySet<LoopDim>> AxisDims, string Name)
{
    /// <summary>Whether every dim unrolled (factor &gt; 1) on every axis of <paramref name="spatial"/> is allowed there.</summary>
    public bool Allows(DataSpace stationary, IReadOnlyList<DimVector> spatial)
    {
        ArgumentNullException.ThrowIfNull(spatial);
        if (stationary != Stationary || spatial.Count != AxisDims.Count)
            return false;
        for (var axis = 0; axis < spatial.Count; axis++)
        {
            foreach (var dim in LoopDims.All)
            {
                if (spatial[axis][dim] > 1 && !AxisDims[axis].Contains(dim))
                    return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The layouts of each tile kind. The physics, for a systolic array (SCALE-Sim's unrollings): an operand forwarded
/// PE-to-PE along an axis reaches every PE on it unchanged, so it must not vary along that axis — the axis may unroll
/// only dims irrelevant to it; partial sums accumulated PE-to-PE along an axis are a reduction, so that axis may unroll
/// only dims irrelevant to the outputs ({C,R,S}). The irrelevant sets are {N,P,Q} for weights, {K} for inputs and
/// {C,R,S} for outputs (<see cref="DataSpaces.IsRelevant"/>). Rows are indexed top to bottom, cols left to right:
/// <list type="bullet">
/// <item>OS: PE (i, j) accumulates O[m_i, n_j] in place; inputs enter each row from the left and move along it
/// (across cols) → cols ⊆ irrelevant(I) = {K}; weights enter each column at the top and move down it (across rows)
/// → rows ⊆ irrelevant(W) = {N,P,Q}.</item>
/// <item>WS: PE (i, j) holds W[k_i, n_j]; inputs move along the rows (across cols) → cols ⊆ {K}; partial sums move
/// down the columns, adding one product per row → rows ⊆ irrelevant(O) = {C,R,S}.</item>
/// <item>IS: PE (i, j) holds the input element (k_i, m_j); weights move along the rows (across cols) → cols ⊆
/// irrelevant(W) = {N,P,Q}; partial sums move down the columns → rows ⊆ {C,R,S}.</item>
/// </list>
/// The edges are fixed, as in SCALE-Sim and a TPU: the ifmap SRAM feeds the left edge, the filter SRAM the top, partial
/// sums drain at the bottom, and the stationary operand is preloaded down the rows. Rows and cols are therefore not
/// interchangeable (a "transposed" unrolling would stream each operand from the other operand's SRAM port and preload
/// across the other axis), so a systolic array has exactly SCALE-Sim's three layouts (OS: rows ← N·P·Q, cols ← K;
/// WS: rows ← C·R·S, cols ← K; IS: rows ← C·R·S, cols ← N·P·Q), the largest sets the forwarding allows.
/// The fixed-dataflow engines (<see cref="Core.Hardware.TileGrid"/>, with GEMM M → N·P·Q, N → K, K → C·R·S) have one
/// layout each: the cube (rows = M0, cols = N0, depth = K0, outputs stationary; the depth is its reduction tree) rows ⊆
/// {N,P,Q}, cols ⊆ {K}, depth ⊆ {C,R,S}; the adder tree (rows = tree width, a reduction; cols = lanes, one output channel
/// each; weights stationary) rows ⊆ {C,R,S}, cols ⊆ {K} (R and S on the tree assume im2col-style window flattening;
/// NVDLA's CMAC reduces channels only and handles C = 3 images in a separate mode); the 2-D broadcast matrix (column p of A broadcast along the
/// rows, row p of B down the columns, outputs accumulated in place) rows ⊆ {N,P,Q}, cols ⊆ {K}.
/// </summary>
public static class SpatialLayouts
{
    private static readonly IReadOnlySet<LoopDim> OutputPixels = new HashSet<LoopDim> { LoopDim.N, LoopDim.P, LoopDim.Q };
    private static readonly IReadOnlySet<LoopDim> OutputChannels = new HashSet<LoopDim> { LoopDim.K };
    private static readonly IReadOnlySet<LoopDim> Reduction = new HashSet<LoopDim> { LoopDim.C, LoopDim.R, LoopDim.S };

    /// <summary>OS, WS, IS, as SCALE-Sim unrolls them (the array's feeding edges are fixed).</summary>
    public static IReadOnlyList<SpatialLayout> Systolic { get; } =
    [
        new(DataSpace.Outputs, [OutputPixels, OutputChannels], "OS"),
        new(DataSpace.Weights, [Reduction, OutputChannels], "WS"),
        new(DataSpace.Inputs, [Reduction, OutputPixels], "IS"),
    ];

    public static IReadOnlyList<SpatialLayout> Cube { get; } = [new(DataSpace.Outputs, [OutputPixels, OutputChannels, Reduction], "cube")];

    public static IReadOnlyList<SpatialLayout> AdderTree { get; } = [new(DataSpace.Weights, [Reduction, OutputChannels], "adder tree")];

    public static IReadOnlyList<SpatialLayout> Matrix2D { get; } = [new(DataSpace.Outputs, [OutputPixels, OutputChannels], "2-D matrix")];

    /// <summary>Why <paramref name="mapping"/>'s spatial unrolling is not one of <paramref name="layouts"/> (null
    /// layouts allow any); null if it is legal.</summary>
    public static string? Violation(IReadOnlyList<SpatialLayout>? layouts, LoopNestProblem problem, IReadOnlyList<string> axisNames, LoopNestMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(axisNames);
        ArgumentNullException.ThrowIfNull(mapping);
        if (layouts is null || layouts.Any(l => l.Allows(mapping.Stationary, mapping.Spatial)))
            return null;
        string Name(LoopDim d) => problem.DimName(d) ?? d.ToString();
        var unrolled = string.Join(" | ", mapping.Spatial.Select((axis, i) =>
            $"{axisNames[i]} {{{string.Join(",", LoopDims.All.Where(d => axis[d] > 1).Select(Name))}}}"));
        var same = layouts.Where(l => l.Stationary == mapping.Stationary).ToList();
        if (same.Count == 0)
            return $"spatial: no layout of this tile holds {mapping.Stationary.ToName()} stationary";
        var allowed = string.Join(" or ", same.Select(l => string.Join(" | ", l.AxisDims.Select((dims, i) =>
            $"{axisNames[i]} ⊆ {{{string.Join(",", LoopDims.All.Where(d => dims.Contains(d) && problem.DimName(d) is not null).Select(Name))}}}"))
            + $" ({l.Name})"));
        return $"spatial: no layout of this tile unrolls {unrolled} with {mapping.Stationary.ToName()} stationary; it allows {allowed}";
    }
}
