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
