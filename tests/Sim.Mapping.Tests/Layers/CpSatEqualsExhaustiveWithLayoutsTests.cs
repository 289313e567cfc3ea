using CsCheck;
using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

/// <summary>CP-SAT == exhaustive on hierarchies whose unrollings are restricted by spatial layouts: systolic arrays
/// (six layouts), an adder tree and a 2-D matrix from the arch presets (the cube is in
/// <see cref="CpSatEqualsExhaustiveOnPresetsTests"/>), and random tiny GEMMs; every optimum is a legal unrolling.</summary>
public class CpSatEqualsExhaustiveWithLayoutsTests
{
    public static TheoryData<string, string, bool, MapObjective> Cases()
    {
        var data = new TheoryData<string, string, bool, MapObjective>();
        foreach (var array in new[] { "systolic2x2", "systolic3x2", "addertree", "matrix2d" })
        {
            foreach (var problem in new[] { "gemm", "conv" })
            {
                foreach (var tight in new[] { true, false })
                    data.Add(array, problem, tight, (MapObjective)(data.Count % 3));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cp_sat_optimum_equals_the_exhaustive_optimum_within_the_layouts(string arrayName, string problemName, bool tightScratchpad, MapObjective objective)
    {
        var problem = problemName == "gemm" ? Gemm(4, 2, 3) : StridedConv();
        var capacity = tightScratchpad ? 8 : 1 << 20;
        var hierarchy = arrayName switch
        {
            "systolic2x2" => Array(2, 2, capacity, 1.5) with { Layouts = SpatialLayouts.Systolic },
            "systolic3x2" => Array(3, 2, capacity, 1.5) with { Layouts = SpatialLayouts.Systolic },
            "addertree" => Preset(new AdderTreeSpec(2, 3), capacity),
            _ => Preset(new Matrix2DSpec(2, 2), capacity),
        };
        var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
        var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(objective, TimeLimitSeconds: 20));

        Assert.Equal(MapStatus.Optimal, exhaustive.Status);
        Assert.Equal(MapStatus.Optimal, cpSat.Status);
        Assert.Equal(ObjectiveKey.Of(exhaustive.Cost!, objective), ObjectiveKey.Of(cpSat.Cost!, objective));
        Assert.Contains(hierarchy.Layouts!, l => l.Allows(cpSat.Mapping!.Stationary, cpSat.Mapping.Spatial));
        Assert.Contains(hierarchy.Layouts!, l => l.Allows(exhaustive.Mapping!.Stationary, exhaustive.Mapping.Spatial));
    }

    [Fact]
    public void Random_tiny_gemms_on_systolic_layouts_have_equal_optima()
    {
        var bounds = Gen.Int[0, 3].Select(i => new long[] { 1, 2, 3, 4 }[i]);
        Gen.Select(bounds, bounds, bounds, Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[0, 1])
            .Sample((m, n, k, rows, cols, objectiveIndex, tight) =>
            {
                var objective = (MapObjective)objectiveIndex;
                var hierarchy = Array(rows, cols, tight == 1 ? 8 : 1 << 20, 2) with { Layouts = SpatialLayouts.Systolic };
                var problem = Gemm(m, n, k);
                var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
                var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(objective, TimeLimitSeconds: 20));
                return cpSat.Status == MapStatus.Optimal
                    && ObjectiveKey.Of(exhaustive.Cost!, objective) == ObjectiveKey.Of(cpSat.Cost!, objective);
            }, iter: 12);
    }

    [Fact]
    public void Layouts_remove_the_unrolling_that_splits_one_output_dim_over_both_axes()
    {
        // GEMM M=1 N=4 K=1 (4 MACs) on 2×2 with no overhead and unlimited DRAM. Without layouts N splits 2 × 2 over
        // rows and cols: 1 fold of 1 cycle. Every systolic layout puts N (output channels) on one axis only, with
        // M = 1 or the reduction K = 1 on the other: OS/WS with N2 on one axis → 2 folds × 1 cycle = 2; IS has no
        // spatial dim (M = K = 1) and streams N in the PE: 4 cycles. So 1 → 2 cycles.
        var problem = Gemm(1, 4, 1);
        var free = Array(2, 2, 1 << 20, double.PositiveInfinity, overhead: 0);
        var systolic = free with { Layouts = SpatialLayouts.Systolic };

        Assert.Equal(1, ExhaustiveLayerMapper.Map(problem, free, MapObjective.Latency).Cost!.LatencyCycles);
        var constrained = CpSatLayerMapper.Map(problem, systolic, new LayerMapperOptions(MapObjective.Latency));
        Assert.Equal(2, constrained.Cost!.LatencyCycles);
        Assert.Equal(2, ExhaustiveLayerMapper.Map(problem, systolic, MapObjective.Latency).Cost!.LatencyCycles);
    }

    private static LoopNestHierarchy Preset(TileSpec tile, long capacity) =>
        LoopNestHierarchy.FromArch(ArchSpec.Default(tile)) with
        {
            ScratchpadBytes = new DataSpaceValues(capacity, capacity, capacity),
            DramBytesPerCycle = 1.5,
            Energy = Energy,
        };
}
