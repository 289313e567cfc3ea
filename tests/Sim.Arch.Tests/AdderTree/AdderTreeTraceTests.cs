using CsCheck;
using Sim.Arch.AdderTree;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>The closed forms of <see cref="AdderTreeModel"/> against the cycle-stepped <see cref="AdderTreeTraceModel"/>.</summary>
public class AdderTreeTraceTests
{
    [Fact]
    public void Closed_forms_equal_the_cycle_stepped_trace()
    {
        Gen.Select(Gen.Long[1, 40], Gen.Long[1, 40], Gen.Long[1, 40], Gen.Int[1, 12], Gen.Int[1, 12])
            .Sample((m, n, k, lanes, width) =>
            {
                var gemm = new GemmShape(m, n, k);
                var spec = new AdderTreeSpec(lanes, width);
                var trace = AdderTreeTraceModel.Run(gemm, spec);
                var r = new AdderTreeModel().Evaluate("p", gemm, ArchSpec.Default(spec), SimMode.Default);
                return trace.Cycles == r.ComputeCycles
                    && trace.IfmapReads == r.SramReadsIfmapWords
                    && trace.FilterReads == r.SramReadsFilterWords
                    && trace.OfmapWrites == r.SramWritesOfmapWords
                    && trace.OfmapReads == r.SramReadsOfmapWords;
            });
    }

    [Fact]
    public void Trace_of_a_load_bound_gemv_by_hand()
    {
        // M=1 N=8 K=3 on L=4 T=2: folds (cf, rf) = (0,0) (0,1) (1,0) (1,1), each loading 4 lanes in 4 cycles;
        // D = 1+1+1 = 3. Loads occupy cycles 0-3, 4-7, 8-11, 12-15 (each starts when the previous tile goes active),
        // vectors issue at 4, 8, 12, 16, the last one lands in Z at the end of cycle 18: 19 cycles
        // (closed form 4 + 3*max(1,4) + 1 + 2 = 19).
        var trace = AdderTreeTraceModel.Run(new GemmShape(1, 8, 3), new AdderTreeSpec(4, 2));
        Assert.Equal(19, trace.Cycles);
        // A: 2 column folds x 3 elements = 6; B: 3*8 = 24; Z: 2 K folds x 8 = 16 writes, 8 read-backs.
        Assert.Equal((6L, 24L, 16L, 8L), (trace.IfmapReads, trace.FilterReads, trace.OfmapWrites, trace.OfmapReads));
        Assert.Equal(1 * 8 * 3, trace.MacSlots);
    }

    [Fact]
    public void Trace_loads_only_the_active_lanes_of_a_partial_column_fold()
    {
        // M=1 N=6 K=3 on L=4 T=2: folds (cf, rf) = (0,0) (0,1) with 4 lanes, (1,0) (1,1) with 2; D = 1+1+1 = 3.
        // Loads: cycles 0-3, 4-7, 8-9, 10-11; each tile goes active the cycle after its load ends and the previous
        // fold's single vector has issued: vectors issue at 4, 8, 10, 12; the last lands in Z at the end of cycle 14:
        // 15 cycles (closed form 4 + max(1,4) + 2*max(1,2) + 1 + 2 = 15; loading all 4 lanes would give 19).
        var trace = AdderTreeTraceModel.Run(new GemmShape(1, 6, 3), new AdderTreeSpec(4, 2));
        Assert.Equal(15, trace.Cycles);
        // A: 2 column folds x 3 elements = 6; B: 3*6 = 18; Z: 2 K folds x 6 = 12 writes, 6 read-backs.
        Assert.Equal((6L, 18L, 12L, 6L), (trace.IfmapReads, trace.FilterReads, trace.OfmapWrites, trace.OfmapReads));
        Assert.Equal(1 * 6 * 3, trace.MacSlots);
    }
}
