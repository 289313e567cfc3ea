using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class SearchScoreTests
{
    [Fact]
    public void The_front_lists_each_non_dominated_vector_once_in_lexicographic_order()
    {
        double[][] costs = [[3, 1], [1, 3], [2, 2], [1, 3], [2, 3], [3, 3], [4, 1]];
        var front = SearchScore.Front(costs);
        Assert.Equal([[1.0, 3.0], [2.0, 2.0], [3.0, 1.0]], front);
    }

    [Fact]
    public void Objectives_of_one_sign_normalise_on_a_log_scale_from_the_front_ideal_to_its_nadir()
    {
        // Objective 0: positive (log); objective 1: negated maximised metric (log of the magnitude); objective 2: mixed signs (linear).
        double[][] costs = [[10, -10, 3], [1000, -1000, -1], [100, -100, 1]];
        var bounds = SearchScore.Bounds(costs)!;
        Assert.Equal([true, true, false], bounds.Log);
        // All three are on the front. Objective 0: ln 10 → 0, ln 1000 → 1, so 100 sits half way.
        var middle = bounds.Apply([100, -100, 1]);
        Assert.Equal(0.5, middle[0], 12);
        Assert.Equal(0.5, middle[1], 12);   // −ln 100 between −ln 1000 (ideal) and −ln 10 (nadir)
        Assert.Equal(0.5, middle[2], 12);   // linear: 1 between −1 and 3
    }

    [Fact]
    public void A_front_of_one_point_spans_the_whole_reference_box_and_nothing_scores_zero()
    {
        double[][] costs = [[5, 5], [6, 7]];
        var bounds = SearchScore.Bounds(costs);
        Assert.Equal(1.1 * 1.1, SearchScore.Hypervolume(costs, bounds), 12);
        Assert.Equal(0, SearchScore.Hypervolume([[6.0, 7.0]], bounds)); // beyond the nadir in a flat objective: outside the box
        Assert.Null(SearchScore.Bounds([]));
        Assert.Equal(0, SearchScore.Hypervolume([], null));
    }
}
