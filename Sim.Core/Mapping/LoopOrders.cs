namespace Sim.Core.Mapping;

/// <summary>
/// The loop orders a level needs to consider. A tile of tensor v stays put across the innermost run of loops that
/// don't index v; since the three irrelevant sets partition the loops (<see cref="DataSpaces.IsRelevant"/>), an order
/// can give that reuse to one tensor only, and putting all of that tensor's irrelevant loops innermost is at least as
/// good as any other order that favours it. So three orders per level cover the space.
/// </summary>
public static class LoopOrders
{
    /// <summary>Outermost first: the loops relevant to <paramref name="reused"/> in N K C P Q R S order, then its irrelevant ones.</summary>
    public static IReadOnlyList<LoopDim> ReuseInnermost(DataSpace reused) =>
        [.. LoopDims.All.Where(d => reused.IsRelevant(d)), .. LoopDims.All.Where(d => !reused.IsRelevant(d))];

    /// <summary>
    /// How many times the tile of <paramref name="space"/> below these loops changes: the product of the non-trivial
    /// loops (outermost first) except the innermost run of loops irrelevant to it.
    /// </summary>
    public static long TileChanges(IEnumerable<(LoopDim Dim, long Factor)> outerToInner, DataSpace space)
    {
        ArgumentNullException.ThrowIfNull(outerToInner);
        var loops = outerToInner.Where(l => l.Factor > 1).ToList();
        var end = loops.Count;
        while (end > 0 && !space.IsRelevant(loops[end - 1].Dim))
            end--;
        return loops.Take(end).Aggregate(1L, (a, l) => checked(a * l.Factor));
    }
}
