using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// The layer mapspace both mappers search:
/// <list type="bullet">
/// <item>Perfect factorisation: every prime p^m of every dim's bound is split over the slots Register, one per array
/// axis, Scratchpad and DRAM (exponents e[d,p,slot] summing to m — no symmetric duplicates, no size-1 artefacts).</item>
/// <item>The stationary tensor, one of the hierarchy's options.</item>
/// <item>At the scratchpad and the DRAM level, an order of the three relevance classes {N,P,Q} (irrelevant to
/// weights), {K} (to inputs), {C,R,S} (to outputs), dims inside a class in N K C P Q R S order: 6 × 6 orders.
/// A tensor's tile is reused across its irrelevant class's loops at a level iff no non-trivial loop sits inside
/// them, and only the order of classes decides that (LoopOrders.TileChanges), so these orders lose nothing.</item>
/// </list>
/// Slots are numbered Register = 0, axes 1..A, Scratchpad = A + 1, DRAM = A + 2.
/// </summary>
public static class Mapspace
{
    /// <summary>Relevance classes: index 0 = {N,P,Q}, 1 = {K}, 2 = {C,R,S}.</summary>
    public static IReadOnlyList<IReadOnlyList<LoopDim>> Classes { get; } =
    [
        [LoopDim.N, LoopDim.P, LoopDim.Q],
        [LoopDim.K],
        [LoopDim.C, LoopDim.R, LoopDim.S],
    ];

    /// <summary>The six class orders, outermost class first, in lexicographic order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> ClassOrders { get; } =
    [
        [0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0],
    ];

    /// <summary>The class of loops that do not index <paramref name="space"/>.</summary>
    public static int IrrelevantClass(DataSpace space) => space switch
    {
        DataSpace.Weights => 0,
        DataSpace.Inputs => 1,
        DataSpace.Outputs => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };

    /// <summary>The full 7-dim loop order (outermost first) of a class order.</summary>
    public static IReadOnlyList<LoopDim> DimOrder(IReadOnlyList<int> classOrder)
    {
        ArgumentNullException.ThrowIfNull(classOrder);
        return [.. classOrder.SelectMany(c => Classes[c].OrderBy(d => d))];
    }

    public static int SlotCount(int axisCount) => axisCount + 3;

    /// <summary>Prime factorisation, ascending primes: 12 → [(2, 2), (3, 1)]; 1 → [].</summary>
    public static IReadOnlyList<(long Prime, int Exponent)> PrimeFactors(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var factors = new List<(long, int)>();
        for (long p = 2; p * p <= n; p++)
        {
            var exponent = 0;
            while (n % p == 0)
            {
                n /= p;
                exponent++;
            }

            if (exponent > 0)
                factors.Add((p, exponent));
        }

        if (n > 1)
            factors.Add((n, 1));
        return factors;
    }

    /// <summary>Every way to write <paramref name="bound"/> as an ordered product of <paramref name="slots"/> factors.</summary>
    public static IReadOnlyList<long[]> FactorSplits(long bound, int slots)
    {
        IEnumerable<long[]> splits = [Enumerable.Repeat(1L, slots).ToArray()];
        foreach (var (prime, exponent) in PrimeFactors(bound))
        {
            var powers = Enumerable.Range(0, exponent + 1).Select(e => Power(prime, e)).ToArray();
            var compositions = Compositions(exponent, slots).ToList();
            splits = splits.SelectMany(split => compositions.Select(c =>
            {
                var next = (long[])split.Clone();
                for (var slot = 0; slot < slots; slot++)
                    next[slot] *= powers[c[slot]];
                return next;
            })).ToList();
        }

        return [.. splits];
    }

    /// <summary>Mappings in the space: factor splits × stationary options × 36 class orders (saturates at long.MaxValue).</summary>
    public static long Size(LoopNestProblem problem, LoopNestHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var slots = SlotCount(hierarchy.AxisSizes.Count);
        var size = (Int128)hierarchy.StationaryOptions.Count * ClassOrders.Count * ClassOrders.Count;
        foreach (var dim in LoopDims.All)
        {
            foreach (var (_, exponent) in PrimeFactors(problem.Bounds[dim]))
                size *= Binomial(exponent + slots - 1, slots - 1);
            if (size > long.MaxValue)
                return long.MaxValue;
        }

        return (long)size;
    }

    /// <summary>p^e in exact integers.</summary>
    public static long Power(long prime, int exponent)
    {
        long value = 1;
        for (var i = 0; i < exponent; i++)
            value = checked(value * prime);
        return value;
    }

    private static Int128 Binomial(int n, int k)
    {
        Int128 result = 1;
        for (var i = 1; i <= k; i++)
            result = result * (n - k + i) / i;
        return result;
    }

    private static IEnumerable<int[]> Compositions(int total, int parts)
    {
        if (parts == 1)
        {
            yield return [total];
            yield break;
        }

        for (var first = 0; first <= total; first++)
        {
            foreach (var rest in Compositions(total - first, parts - 1))
                yield return [first, .. rest];
        }
    }
}
