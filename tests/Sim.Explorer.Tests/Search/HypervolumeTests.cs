using CsCheck;
using Sim.Explorer.Search;

namespace Sim.Explorer.Tests.Search;

public class HypervolumeTests
{
    [Fact]
    public void One_point_spans_a_box_to_the_reference() =>
        Assert.Equal(6.0, Hypervolume.Of([[1.0, 2.0]], [4.0, 4.0]));

    [Fact]
    public void Two_points_in_2d_count_their_overlap_once()
    {
        // Boxes [1,4]×[3,4] (3) and [2,4]×[1,4] (6) overlap in [2,4]×[3,4] (2): 3 + 6 − 2 = 7.
        Assert.Equal(7.0, Hypervolume.Of([[1.0, 3.0], [2.0, 1.0]], [4.0, 4.0]));
    }

    [Fact]
    public void Two_points_in_3d_count_their_overlap_once()
    {
        // [0,2]×[1,2]×[1,2]... boxes to (2,2,2): (0,1,1) → 2·1·1 = 2; (1,0,0) → 1·2·2 = 4; overlap [1,2]×[1,2]×[1,2] = 1.
        Assert.Equal(5.0, Hypervolume.Of([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]], [2.0, 2.0, 2.0]));
    }

    [Fact]
    public void Points_outside_the_reference_and_dominated_points_add_nothing()
    {
        Assert.Equal(0.0, Hypervolume.Of([[5.0, 1.0], [1.0, 4.0]], [4.0, 4.0]));
        Assert.Equal(6.0, Hypervolume.Of([[1.0, 2.0], [2.0, 3.0], [1.0, 2.0]], [4.0, 4.0]));
    }

    /// <summary>On integer coordinates the hypervolume is the number of unit cells some point dominates.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Equals_the_count_of_dominated_unit_cells(int dimensions)
    {
        const int side = 5;
        Gen.Int[0, side - 1].Array[dimensions].Array[0, 12].Sample(points =>
        {
            var reference = Enumerable.Repeat((double)side, dimensions).ToArray();
            var asDoubles = points.Select(p => p.Select(v => (double)v).ToArray()).ToList();
            long cells = 0;
            var cell = new int[dimensions];
            for (long code = 0; code < (long)Math.Pow(side, dimensions); code++)
            {
                long rest = code;
                for (int k = 0; k < dimensions; k++, rest /= side)
                    cell[k] = (int)(rest % side);
                if (points.Any(p => p.Select((v, k) => v <= cell[k]).All(b => b)))
                    cells++;
            }

            return Hypervolume.Of(asDoubles, reference) == cells;
        }, iter: 200);
    }
}
