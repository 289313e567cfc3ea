using CsCheck;
using Sim.Explorer.Search;

namespace Sim.Explorer.Tests.Search;

public class NonDominatedSortTests
{
    [Fact]
    public void Fronts_peel_off_layer_by_layer_and_infeasibles_come_last()
    {
        double[]?[] costs = [[1, 5], [2, 2], [5, 1], [3, 3], [6, 6], null, [4, 4]];
        var fronts = NonDominatedSort.Fronts(costs);
        Assert.Equal([[0, 1, 2], [3], [6], [4], [5]], fronts);
    }

    [Fact]
    public void Equal_points_share_a_front() =>
        Assert.Equal([[0, 1]], NonDominatedSort.Fronts([[1.0, 1.0], [1.0, 1.0]]));

    [Fact]
    public void Crowding_gives_the_ends_infinity_and_the_middle_its_normalised_neighbour_gaps()
    {
        double[]?[] costs = [[0, 4], [1, 2], [4, 0], [2, 1]];
        var distance = NonDominatedSort.CrowdingDistance(costs, [0, 1, 2, 3]);
        Assert.True(double.IsPositiveInfinity(distance[0]));
        Assert.True(double.IsPositiveInfinity(distance[2]));
        // Point 1 (1,2): neighbours in f1 are 0 and 2 → (2−0)/4; in f2 are 1 and 4 → (4−1)/4. Total 5/4.
        Assert.Equal(1.25, distance[1], 12);
        // Point 3 (2,1): f1 neighbours 1 and 4 → 3/4; f2 neighbours 0 and 2 → 2/4. Total 5/4.
        Assert.Equal(1.25, distance[3], 12);
    }

    /// <summary>A point's rank is the length of the longest chain of points dominating it, by definition.</summary>
    [Fact]
    public void Ranks_equal_the_longest_dominating_chain()
    {
        Gen.Int[0, 5].Array[3].Array[0, 25].Sample(raw =>
        {
            var costs = raw.Select(p => (double[]?)p.Select(v => (double)v).ToArray()).ToList();
            var rank = new int[costs.Count];
            var fronts = NonDominatedSort.Fronts(costs);
            for (int f = 0; f < fronts.Count; f++)
                foreach (int i in fronts[f])
                    rank[i] = f;
            var memo = new int?[costs.Count];
            int Chain(int i) => memo[i] ??= Enumerable.Range(0, costs.Count)
                .Where(j => NonDominatedSort.Dominates(costs[j], costs[i])).Select(j => Chain(j) + 1).DefaultIfEmpty(0).Max();
            return fronts.Sum(f => f.Count) == costs.Count && Enumerable.Range(0, costs.Count).All(i => rank[i] == Chain(i));
        });
    }
}
