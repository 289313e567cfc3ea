using CsCheck;
using Sim.Arch.Folding;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Systolic;

/// <summary>The closed forms of <see cref="SystolicModel"/> against the cycle-stepped <see cref="SystolicTraceModel"/>.</summary>
public class SystolicTraceTests
{
    [Fact]
    public void Closed_forms_equal_the_cycle_stepped_trace()
    {
        Gen.Select(Gen.Long[1, 60], Gen.Long[1, 60], Gen.Long[1, 60], Gen.Int[1, 12], Gen.Int[1, 12], Gen.Enum<Dataflow>(), Gen.Enum<SimMode>())
            .Sample((m, n, k, rows, cols, df, mode) =>
            {
                var gemm = new GemmShape(m, n, k);
                var spec = new SystolicSpec(rows, cols, df);
                var trace = SystolicTraceModel.Run(gemm, spec, mode);
                var g = FoldGeometry.Of(gemm, spec);
                // Compare against the physical counts: SCALE-Sim's OS ofmap counter adds R+C per fold on top.
                var sram = SystolicModel.SramWords(g, gemm, SimMode.Default);
                return trace.Cycles == SystolicModel.ComputeCycles(g, mode)
                    && trace.IfmapReads == sram.IfmapReads
                    && trace.FilterReads == sram.FilterReads
                    && trace.OfmapWrites == sram.OfmapWrites;
            });
    }

    [Fact]
    public void Trace_reproduces_the_official_scalesim_golden_cycles()
    {
        // AlexNet Conv1 (SCALE-Sim's ceil ofmap 55x55): M=3025 N=96 K=363 on 32x32 WS -> 112283 cycles.
        var trace = SystolicTraceModel.Run(new GemmShape(3025, 96, 363), new SystolicSpec(32, 32, Dataflow.Ws), SimMode.ScaleSim);
        Assert.Equal(112_283, trace.Cycles);
        Assert.Equal(3_294_225, trace.IfmapReads);
        Assert.Equal(34_848, trace.FilterReads);
        Assert.Equal(3_484_800, trace.OfmapWrites);
    }
}
