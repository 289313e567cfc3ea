using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Cli;

public class MappedLayerRowTests
{
    // ResNet-50's conv1 as in the mapping-file example: 7×7 stride 2, 3 → 64 channels, 112×112 outputs.
    private static readonly LoopNestProblem s_conv1 = LoopNestProblem.FromConv(new Conv2d("conv1", 224, 224, 7, 7, 3, 64, 2, 3, 1, []));

    private static readonly LoopNestMapping s_mapping = new(
        DataSpace.Weights,
        DimVector.Ones.With(LoopDim.P, 8),
        [new DimVector(1, 1, 3, 1, 1, 7, 1), DimVector.Ones.With(LoopDim.K, 32)],
        new DimVector(1, 1, 1, 14, 4, 1, 7),
        new DimVector(1, 2, 1, 1, 28, 1, 1),
        LoopDims.All,
        LoopDims.All);

    [Fact]
    public void The_csv_header_is_fixed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("layers.csv");
        ResultsCsv.Write(path, [MappedLayerRow.From(s_conv1, null, null, "latency", "infeasible", 0, 0, 0, "fan-out")]);
        Assert.Equal(
            "layer,op_kind,dims,dataflow,spatial,scratchpad_tile,latency_cycles,compute_cycles,utilization,dram_bytes,energy_pj,objective,status,objective_value,bound,gap_pct,reason,instances",
            File.ReadAllLines(path)[0]);
        Assert.Equal("conv1,conv2d,N1 K64 C3 P112 Q112 R7 S7 /2,,,,0,0,0,0,0,latency,infeasible,0,0,0,fan-out,1", File.ReadAllLines(path)[1]);
    }

    [Fact]
    public void A_mapped_layer_reads_as_its_factors_and_the_models_figures()
    {
        var hierarchy = new LoopNestHierarchy([32, 32], ["rows", "cols"], DataSpaces.All, 1, new DataSpaceValues(1 << 20, 1 << 20, 1 << 20),
            1, 4, 16, new DataSpaceValues(0, 0, 0), new LoopNestEnergy(1, 1, 1, 1));
        var cost = LoopNestModel.Evaluate(s_conv1, hierarchy, s_mapping);
        Assert.True(cost.Feasible, cost.Reason);
        var row = MappedLayerRow.From(s_conv1, s_mapping, cost, "latency", "optimal", 1234, 1200, 2.75);

        using var dir = new TempDirectory();
        var path = dir.File("layers.csv");
        ResultsCsv.Write(path, [row]);
        var expected = string.Join(",",
            "conv1", "conv2d", "N1 K64 C3 P112 Q112 R7 S7 /2", "ws", "rows C3·R7 | cols K32", "N1 K32 C3 P112 Q4 R7 S7",
            $"{cost.LatencyCycles}", $"{cost.ComputeCycles}", cost.Utilization.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            $"{cost.DramBytes}", cost.EnergyPj.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "latency", "optimal", "1234", "1200", "2.75", "", "1");
        Assert.Equal(expected, File.ReadAllLines(path)[1]);
        // Folds: scratchpad P14·Q4·S7 × DRAM K2·Q28 = 21952 array tiles of 8 register steps, no per-tile overhead here.
        Assert.Equal(21952L * 8, row.ComputeCycles);
        Assert.Equal(ResultsCsv.Read<MappedLayerRow>(path).Single().Spatial, row.Spatial);
    }
}
