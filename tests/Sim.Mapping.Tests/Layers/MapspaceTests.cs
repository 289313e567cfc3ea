using Sim.Core.Mapping;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

public class MapspaceTests
{
    [Fact]
    public void Prime_factors_and_splits_count_ordered_factorisations()
    {
        Assert.Equal([(2L, 2), (3L, 1)], Mapspace.PrimeFactors(12));
        Assert.Empty(Mapspace.PrimeFactors(1));
        // 12 over 3 slots: 2² → C(4,2) = 6 ways, 3 → 3 ways: 18 ordered triples with product 12, all distinct.
        var splits = Mapspace.FactorSplits(12, 3);
        Assert.Equal(18, splits.Count);
        Assert.All(splits, s => Assert.Equal(12, s.Aggregate(1L, (a, f) => a * f)));
        Assert.Equal(18, splits.Select(s => string.Join(",", s)).Distinct().Count());
    }

    [Fact]
    public void Size_is_splits_times_stationary_times_36_orders()
    {
        // GEMM 4×2×3 on a 2-D array: 5 slots; 2² → 15, 2 → 5, 3 → 5; × 3 stationary × 36 orders.
        Assert.Equal(15 * 5 * 5 * 3 * 36, Mapspace.Size(Gemm(4, 2, 3), Array(2, 2, 64, 1)));
    }

    [Fact]
    public void Class_orders_list_each_dim_once_classes_contiguous()
    {
        Assert.Equal([LoopDim.K, LoopDim.C, LoopDim.R, LoopDim.S, LoopDim.N, LoopDim.P, LoopDim.Q], Mapspace.DimOrder([1, 2, 0]));
        Assert.All(Mapspace.ClassOrders, o => Assert.Equal(7, Mapspace.DimOrder(o).Distinct().Count()));
        Assert.Equal(6, Mapspace.ClassOrders.Select(o => string.Concat(o)).Distinct().Count());
    }
}
