using Sim.Arch.LoopNest;

namespace Sim.Mapping.Layers;

/// <summary>The optimum's value under an objective: (primary, tie-break), compared lexicographically. EDP is exact
/// (Int128) because energy × latency can exceed 2^63.</summary>
public readonly record struct ObjectiveKey(Int128 Primary, long Secondary) : IComparable<ObjectiveKey>
{
    public static ObjectiveKey Of(LoopNestCost cost, MapObjective objective)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return objective switch
        {
            MapObjective.Latency => new(cost.LatencyCycles, cost.EnergyFj),
            MapObjective.Energy => new(cost.EnergyFj, cost.LatencyCycles),
            MapObjective.Edp => new(cost.EdpFjCycles, cost.LatencyCycles),
            _ => throw new ArgumentOutOfRangeException(nameof(objective)),
        };
    }

    public int CompareTo(ObjectiveKey other)
    {
        var primary = Primary.CompareTo(other.Primary);
        return primary != 0 ? primary : Secondary.CompareTo(other.Secondary);
    }

    public static bool operator <(ObjectiveKey left, ObjectiveKey right) => left.CompareTo(right) < 0;

    public static bool operator >(ObjectiveKey left, ObjectiveKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(ObjectiveKey left, ObjectiveKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ObjectiveKey left, ObjectiveKey right) => left.CompareTo(right) >= 0;
}
