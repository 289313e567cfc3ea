using Sim.Arch;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Mapping;

/// <summary>
/// Exhaustive mapper over a systolic array's spatial unrolling (the dataflow: which GEMM dims go on rows and columns,
/// OS/WS/IS). Evaluates every candidate with the tile's own cost model and keeps the best by total cycles, then DRAM
/// bytes, then declaration order — so the choice is deterministic. The reference the ILP mapper must match.
/// </summary>
public static class DataflowMapper
{
    public static DataflowChoice Choose(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch.Tile is not SystolicSpec tile)
            throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile; the dataflow mapper needs a systolic array", nameof(arch));

        var candidates = Enum.GetValues<Dataflow>()
            .Select(dataflow =>
            {
                var candidate = arch with { Tile = tile with { Dataflow = dataflow } };
                return (dataflow, TileModels.For(candidate.Tile).Evaluate(opName, gemm, candidate, mode));
            })
            .ToList();
        var best = candidates
            .Select((c, order) => (c.dataflow, c.Item2, order))
            .OrderBy(c => c.Item2.TotalCycles)
            .ThenBy(c => c.Item2.DramBytes)
            .ThenBy(c => c.order)
            .First();
        return new DataflowChoice(best.dataflow, best.Item2, candidates);
    }
}
