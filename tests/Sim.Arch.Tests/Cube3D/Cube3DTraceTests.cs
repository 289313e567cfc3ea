using CsCheck;
using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>The closed forms of <see cref="Cube3DModel"/> against the cycle-stepped <see cref="Cube3DTraceModel"/>.</summary>
public class Cube3DTraceTests
{
    [Fact]
    public void Closed_forms_equal_the_cycle_stepped_trace()
    {
        Gen.Select(Gen.Long[1, 40], Gen.Long[1, 40], Gen.Long[1, 70], Gen.Int[1, 9], Gen.Int[1, 17], Gen.Int[1, 9])
            .Sample((m, n, k, m0, k0, n0) =>
            {
                var gemm = new GemmShape(m, n, k);
                var spec = new Cube3DSpec(m0, k0, n0);
                var trace = Cube3DTraceModel.Run(gemm, spec);
                var g = Cube3DTiming.Geometry(gemm, spec);
                var sram = Cube3DModel.SramWords(g, gemm);
                var l0c = Cube3DModel.AccumulatorWords(g, gemm);
                return trace.Cycles == Cube3DTiming.ComputeCycles(g, Cube3DTiming.PipelineDepthCycles(spec))
                    && trace.IfmapReads == sram.IfmapReads
                    && trace.FilterReads == sram.FilterReads
                    && trace.OfmapWrites == sram.OfmapWrites
                    && trace.AccumulatorReads == l0c.Reads
                    && trace.AccumulatorWrites == l0c.Writes;
            });
    }

    [Fact]
    public void Trace_of_the_drain_bound_hand_case()
    {
        // Same case as Cube3DCyclesTests.Drain_bound_when_m0_exceeds_the_k_steps: 135 cycles.
        // A: 2 column folds × 64·32 = 4096; B: 4 row folds × 32·32 = 4096; Z: 64·32 = 2048;
        // L0C: 2048 outputs × 2 steps written = 4096; read back by the 1 later step (2048) and once by the drain (2048).
        var t = Cube3DTraceModel.Run(new GemmShape(64, 32, 32), new Cube3DSpec(16, 16, 16));
        Assert.Equal(new Cube3DTraceCounts(135, 64 * 32 * 32, 4096, 4096, 2048, 4096, 4096), t);
    }
}
