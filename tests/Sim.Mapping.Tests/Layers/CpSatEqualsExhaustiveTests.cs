using CsCheck;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

/// <summary>The CP-SAT optimum (both components of the objective) equals the exhaustive optimum of the same model on
/// 48 brute-forceable cases: two GEMMs and a strided 3×3 conv × 4 arrays × scratchpad tight/loose × bandwidth
/// unlimited/finite, the objective rotating so every (layer, array) pair meets all three objectives (16 cases each).</summary>
public class CpSatEqualsExhaustiveTests
{
    public static TheoryData<string, int, int, bool, bool, MapObjective> Cases()
    {
        var data = new TheoryData<string, int, int, bool, bool, MapObjective>();
        foreach (var problem in new[] { "gemm", "gemm2", "conv" })
        {
            foreach (var (rows, cols) in new[] { (1, 4), (2, 2), (3, 2), (4, 4) })
            {
                foreach (var tight in new[] { true, false })
                {
                    foreach (var finite in new[] { true, false })
                        data.Add(problem, rows, cols, tight, finite, (MapObjective)(data.Count % 3));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cp_sat_optimum_equals_the_exhaustive_optimum(string problemName, int rows, int cols, bool tightScratchpad, bool finiteBandwidth, MapObjective objective)
    {
        var problem = problemName switch
        {
            "gemm" => Gemm(4, 2, 3),
            "gemm2" => Gemm(2, 4, 4),
            _ => StridedConv(),
        };
        // Tight: 8 B per partition (two 4-byte partial sums); 1.5 B/cycle exercises the rational DRAM ceiling.
        var hierarchy = Array(rows, cols, tightScratchpad ? 8 : 1 << 20, finiteBandwidth ? 1.5 : double.PositiveInfinity);
        var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
        var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(objective, TimeLimitSeconds: 20));

        Assert.Equal(MapStatus.Optimal, exhaustive.Status);
        Assert.Equal(MapStatus.Optimal, cpSat.Status);
        Assert.Equal(ObjectiveKey.Of(exhaustive.Cost!, objective), ObjectiveKey.Of(cpSat.Cost!, objective));
        Assert.Equal(cpSat.Cost, LoopNestModel.Evaluate(problem, hierarchy, cpSat.Mapping!));
        Assert.Equal(0, cpSat.GapPercent);
        Assert.Equal(cpSat.ObjectiveValue, cpSat.BestBound);
    }
}

/// <summary>The same equality on hierarchies built from real arch presets (a 3-axis cube with its fixed
/// output-stationary dataflow; a systolic array's cost table) and on random tiny layers (CsCheck).</summary>
public class CpSatEqualsExhaustiveOnPresetsTests
{
    [Theory]
    [InlineData("gemm", MapObjective.Latency)]
    [InlineData("conv", MapObjective.Energy)]
    [InlineData("gemm", MapObjective.Edp)]
    public void Cube_with_three_axes_and_one_stationary_option(string problemName, MapObjective objective)
    {
        var hierarchy = LoopNestHierarchy.FromArch(Core.Hardware.ArchSpec.Default(new Core.Hardware.Cube3DSpec(2, 2, 2)));
        Assert.Equal(3, hierarchy.AxisSizes.Count);
        Assert.Single(hierarchy.StationaryOptions);
        var problem = problemName == "gemm" ? Gemm(4, 2, 3) : StridedConv();
        var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
        var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(objective, TimeLimitSeconds: 20));

        Assert.Equal(MapStatus.Optimal, cpSat.Status);
        Assert.Equal(ObjectiveKey.Of(exhaustive.Cost!, objective), ObjectiveKey.Of(cpSat.Cost!, objective));
    }

    [Fact]
    public void Random_tiny_layers_and_arrays_have_equal_optima()
    {
        var bounds = Gen.Int[0, 3].Select(i => new long[] { 1, 2, 3, 4 }[i]);
        Gen.Select(bounds, bounds, bounds, Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[0, 2])
            .Sample((m, n, k, rows, cols, objectiveIndex, capacityIndex) =>
            {
                var objective = (MapObjective)objectiveIndex;
                var hierarchy = Array(rows, cols, new long[] { 8, 16, 1 << 20 }[capacityIndex], 2);
                var problem = Gemm(m, n, k);
                var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, objective);
                var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(objective, TimeLimitSeconds: 20));
                return cpSat.Status == MapStatus.Optimal
                    && ObjectiveKey.Of(exhaustive.Cost!, objective) == ObjectiveKey.Of(cpSat.Cost!, objective);
            }, iter: 15);
    }
}
