using System.Globalization;
using Sim.Core.Mapping;

namespace Sim.Arch.LoopNest;

/// <summary>
/// Timeloop-style analytical model of a <see cref="LoopNestMapping"/> on a <see cref="LoopNestHierarchy"/>, in exact
/// integers (words, then bytes and femtojoules), so the exhaustive and the CP-SAT mappers optimise the same numbers.
/// <list type="bullet">
/// <item>Scratchpad fills of tensor v from DRAM: its scratchpad tile × the times that tile changes over the DRAM loops
/// (<see cref="LoopOrders.TileChanges"/>). Outputs: each fill is a write-back; all but the first |O| are partial sums,
/// read back from DRAM later.</item>
/// <item>Array deliveries from the scratchpad. The stationary tensor: its array tile × the times it changes over the
/// DRAM and scratchpad loops together (reuse may run across the level boundary). The others have no storage in the PE:
/// the elements the array needs at once (spatial extents; a value shared by several PEs is read once — multicast, and
/// outputs reduced across PEs are written once) on every register-level iteration.</item>
/// <item>Cycles: folds × (register iterations + the tile's fill/drain), against ⌈DRAM bytes ÷ bandwidth⌉ (exact, <see cref="DramRate"/>).</item>
/// </list>
/// </summary>
public static class LoopNestModel
{
    public static LoopNestCost Evaluate(LoopNestProblem problem, LoopNestHierarchy hierarchy, LoopNestMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.ShapeProblem(problem, hierarchy.AxisSizes.Count) is { } shape)
            throw new ArgumentException($"not a mapping of '{problem.Name}': {shape}", nameof(mapping));
        if (Infeasibility(problem, hierarchy, mapping) is { } reason)
            return LoopNestCost.Infeasible(reason);

        var folds = checked(mapping.Scratchpad.Product * mapping.Dram.Product);
        var registerIterations = mapping.Register.Product;
        var iterations = checked(folds * registerIterations);
        var compute = checked(folds * (registerIterations + hierarchy.TileOverheadCycles[mapping.Stationary]));

        var dramLoops = Loops(mapping.DramOrder, mapping.Dram).ToList();
        var allLoops = dramLoops.Concat(Loops(mapping.ScratchpadOrder, mapping.Scratchpad)).ToList();
        var spmTile = mapping.ScratchpadTile;
        var fills = DataSpaceValues.From(v => checked(problem.Footprint(v, spmTile) * LoopOrders.TileChanges(dramLoops, v)));
        var deliveries = DataSpaceValues.From(v => v == mapping.Stationary
            ? checked(problem.Footprint(v, mapping.ArrayTile) * LoopOrders.TileChanges(allLoops, v))
            : checked(problem.Footprint(v, mapping.SpatialTotal) * iterations));

        long word = hierarchy.WordBytes, psum = hierarchy.PartialSumBytes;
        var outputs = problem.Size(DataSpace.Outputs);
        var partialWriteBacks = fills.Outputs - outputs;
        var dramRead = new DataSpaceValues(fills.Weights * word, fills.Inputs * word, partialWriteBacks * psum);
        var dramWrite = new DataSpaceValues(0, 0, checked((outputs * word) + (partialWriteBacks * psum)));
        var spmRead = new DataSpaceValues(deliveries.Weights * word, deliveries.Inputs * word,
            checked((deliveries.Outputs - outputs + fills.Outputs) * psum));
        var spmWrite = new DataSpaceValues(fills.Weights * word, fills.Inputs * word,
            checked((deliveries.Outputs + partialWriteBacks) * psum));

        var dramBytes = checked(dramRead.Total + dramWrite.Total);
        // Exact rational ceiling (DramRate), so the CP-SAT mapper can encode the same integer.
        var dramCycles = DramRate.FromBytesPerCycle(hierarchy.DramBytesPerCycle)?.CyclesFor(dramBytes) ?? 0;
        var latency = Math.Max(compute, dramCycles);
        var energy = hierarchy.Energy;
        return new LoopNestCost
        {
            Feasible = true,
            Macs = problem.Macs,
            Folds = folds,
            RegisterIterations = registerIterations,
            ComputeCycles = compute,
            DramCycles = dramCycles,
            LatencyCycles = latency,
            Utilization = problem.Macs / ((double)latency * hierarchy.PeCount),
            DramReadBytes = dramRead,
            DramWriteBytes = dramWrite,
            ScratchpadReadBytes = spmRead,
            ScratchpadWriteBytes = spmWrite,
            ScratchpadTileBytes = TileBytes(problem, hierarchy, spmTile),
            MacFj = checked(problem.Macs * energy.MacFj),
            ScratchpadFj = checked((spmRead.Total * energy.SramReadFjPerByte) + (spmWrite.Total * energy.SramWriteFjPerByte)),
            DramFj = checked(dramBytes * energy.DramFjPerByte),
        };
    }

    /// <summary>Why the mapping cannot run on the hierarchy (fan-out, stationary choice, an unrolling no layout of the
    /// array executes, register or scratchpad capacity); null if it can.</summary>
    public static string? Infeasibility(LoopNestProblem problem, LoopNestHierarchy hierarchy, LoopNestMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(mapping);
        if (!hierarchy.StationaryOptions.Contains(mapping.Stationary))
            return $"stationary: this tile holds {string.Join(" or ", hierarchy.StationaryOptions.Select(s => s.ToName()))} in its PEs, not {mapping.Stationary.ToName()}";
        for (var axis = 0; axis < hierarchy.AxisSizes.Count; axis++)
        {
            var used = mapping.Spatial[axis].Product;
            if (used > hierarchy.AxisSizes[axis])
                return $"fan-out: {used} PEs along {hierarchy.AxisNames[axis]}, the array has {hierarchy.AxisSizes[axis]}";
        }

        if (SpatialLayouts.Violation(hierarchy.Layouts, problem, hierarchy.AxisNames, mapping) is { } spatial)
            return spatial;

        var registerWords = problem.Footprint(mapping.Stationary, mapping.Register);
        if (registerWords > hierarchy.RegisterWords)
            return $"register: each PE would hold {registerWords} {mapping.Stationary.ToName()} words, it has {hierarchy.RegisterWords}";
        var tile = TileBytes(problem, hierarchy, mapping.ScratchpadTile);
        foreach (var space in DataSpaces.All)
        {
            if (tile[space] > hierarchy.ScratchpadBytes[space])
                return string.Create(CultureInfo.InvariantCulture,
                    $"scratchpad: the {space.ToName()} tile is {tile[space]} B, its partition has {hierarchy.ScratchpadBytes[space]} B usable (half, double-buffered)");
        }

        return null;
    }

    private static DataSpaceValues TileBytes(LoopNestProblem problem, LoopNestHierarchy hierarchy, DimVector tile) => new(
        checked(problem.Footprint(DataSpace.Weights, tile) * hierarchy.WordBytes),
        checked(problem.Footprint(DataSpace.Inputs, tile) * hierarchy.WordBytes),
        checked(problem.Footprint(DataSpace.Outputs, tile) * hierarchy.PartialSumBytes));

    private static IEnumerable<(LoopDim Dim, long Factor)> Loops(IReadOnlyList<LoopDim> order, DimVector factors) =>
        order.Select(d => (d, factors[d]));
}
