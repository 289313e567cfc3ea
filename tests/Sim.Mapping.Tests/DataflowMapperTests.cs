using CsCheck;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Mapping.Tests;

public class DataflowMapperTests
{
    [Fact]
    public void Gemv_on_a_square_array_picks_input_stationary()
    {
        // M=1 N=300 K=100 on 32x32 (SCALE-Sim mode, no stalls): OS 1619, WS 3799, IS 1575 cycles -> IS.
        var arch = ArchSpec.Default(new SystolicSpec(32, 32, Dataflow.Os));
        var choice = DataflowMapper.Choose("gemv", new GemmShape(1, 300, 100), arch, SimMode.ScaleSim);
        Assert.Equal(Dataflow.Is, choice.Dataflow);
        Assert.Equal(1575, choice.Result.TotalCycles);
        Assert.Equal([1619L, 3799L, 1575L], choice.Candidates.Select(c => c.Result.TotalCycles));
    }

    [Fact]
    public void Choice_is_never_worse_than_any_fixed_dataflow()
    {
        Gen.Select(Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Int[1, 64], Gen.Int[1, 64], Gen.Double[1, 64])
            .Sample((m, n, k, rows, cols, bandwidth) =>
            {
                var gemm = new GemmShape(m, n, k);
                var arch = ArchSpec.Default(new SystolicSpec(rows, cols, Dataflow.Os)) with { Dram = new DramSpec(bandwidth, 20) };
                var choice = DataflowMapper.Choose("p", gemm, arch, SimMode.Default);
                return Enum.GetValues<Dataflow>().All(df =>
                    choice.Result.TotalCycles <= new SystolicModel().Evaluate("p", gemm, arch with { Tile = new SystolicSpec(rows, cols, df) }, SimMode.Default).TotalCycles);
            });
    }
}
