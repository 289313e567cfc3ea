namespace Sim.Core.Mapping;

/// <summary>
/// A schedule of one layer on a PE array with a scratchpad and DRAM (Timeloop-style), loops from outside in:
/// DRAM-level temporal loops (<see cref="Dram"/>, in <see cref="DramOrder"/>) — each iteration fills a new scratchpad
/// tile; scratchpad-level temporal loops (<see cref="Scratchpad"/>, in <see cref="ScratchpadOrder"/>) — each
/// iteration delivers a new array tile; spatial loops, one factor vector per PE-array axis (<see cref="Spatial"/>:
/// rows, cols, … — this is the dataflow's "which dims go on rows/cols"); and per-PE temporal loops
/// (<see cref="Register"/>) while each PE holds its word of the <see cref="Stationary"/> tensor.
/// For every dim the factors over all levels multiply to its bound (perfect factorisation).
/// Orders list all seven dims outermost first; loops of factor 1 are no-ops.
/// </summary>
public sealed record LoopNestMapping(
    DataSpace Stationary,
    DimVector Register,
    IReadOnlyList<DimVector> Spatial,
    DimVector Scratchpad,
    DimVector Dram,
    IReadOnlyList<LoopDim> ScratchpadOrder,
    IReadOnlyList<LoopDim> DramOrder)
{
    /// <summary>Product of the spatial factors over all axes, per dim.</summary>
    public DimVector SpatialTotal => Spatial.Aggregate(DimVector.Ones, (acc, axis) => acc.Times(axis));

    /// <summary>Extents of the tile the whole array works on in one register-level pass.</summary>
    public DimVector ArrayTile => Register.Times(SpatialTotal);

    /// <summary>Extents of the tile held in the scratchpad.</summary>
    public DimVector ScratchpadTile => ArrayTile.Times(Scratchpad);

    /// <summary>Why the mapping is not a mapping of <paramref name="problem"/> on an array with
    /// <paramref name="axisCount"/> axes (factors don't multiply to the bounds, orders aren't permutations); null if it is.</summary>
    public string? ShapeProblem(LoopNestProblem problem, int axisCount)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (Spatial.Count != axisCount)
            return $"the mapping has {Spatial.Count} spatial axes; the array has {axisCount}";
        foreach (var dim in LoopDims.All)
        {
            var factors = new[] { Register[dim], Scratchpad[dim], Dram[dim] }.Concat(Spatial.Select(s => s[dim])).ToList();
            if (factors.Any(f => f < 1))
                return $"dim {problem.DimName(dim) ?? dim.ToString()} has a factor below 1";
            var product = factors.Aggregate(1L, (a, f) => checked(a * f));
            if (product != problem.Bounds[dim])
                return $"dim {problem.DimName(dim) ?? dim.ToString()}: factors multiply to {product}, not its bound {problem.Bounds[dim]}";
        }

        foreach (var (order, level) in new[] { (ScratchpadOrder, "scratchpad"), (DramOrder, "DRAM") })
        {
            if (order.Count != LoopDims.Count || order.Distinct().Count() != LoopDims.Count)
                return $"the {level} loop order must list each of the 7 loops once";
        }

        return null;
    }
}
