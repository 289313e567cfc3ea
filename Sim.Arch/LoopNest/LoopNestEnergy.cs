using Sim.Arch.Energy;

namespace Sim.Arch.LoopNest;

/// <summary>
/// Energy per action in femtojoules, rounded from the arch's <see cref="CostTable"/> (pJ): integers so the CP-SAT
/// mapper, the exhaustive mapper and the model compute exactly the same energy. Register and accumulator accesses
/// inside the PE are part of <see cref="MacFj"/> (as in the tile models' MAC figures).
/// </summary>
public sealed record LoopNestEnergy(long MacFj, long SramReadFjPerByte, long SramWriteFjPerByte, long DramFjPerByte)
{
    public static LoopNestEnergy From(CostTable costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return new(Fj(costs.MacPj), Fj(costs.SramReadPjPerByte), Fj(costs.SramWritePjPerByte), Fj(costs.DramPjPerByte));
    }

    private static long Fj(double pj) => (long)Math.Round(pj * 1000, MidpointRounding.AwayFromZero);
}
