using CsCheck;
using Sim.Arch.Folding;
using Sim.Arch.Memory;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Memory;

public class DramPipelineTests
{
    [Fact]
    public void First_fold_load_and_last_writeback_are_exposed()
    {
        // 32 B at 4 B/cycle after a 10-cycle latency = 18; overlapped middle; final 16 B drain = 4.
        var pipe = new DramPipeline(new DramSpec(4, 10));
        pipe.AddFold(computeCycles: 10, readBytes: 32, writeBytes: 16);
        Assert.Equal(18 + 4, pipe.Finish());
    }

    [Fact]
    public void Prefetch_longer_than_compute_stalls_for_the_difference()
    {
        // Fold 1's 100 B take 5 + 100/2 = 55 cycles inside fold 0's 20-cycle window: 35 stall.
        var pipe = new DramPipeline(new DramSpec(2, 5));
        pipe.AddFold(20, 10, 0);   // 5 + 5 = 10 up front
        pipe.AddFold(20, 100, 0);  // 55 - 20 = 35
        Assert.Equal(45, pipe.Finish());
    }

    [Fact]
    public void Writeback_shares_the_window_two_folds_later()
    {
        var pipe = new DramPipeline(new DramSpec(1, 0));
        pipe.AddFold(10, 0, 30);   // fold 0 writes 30 B
        pipe.AddFold(10, 0, 0);    // fold 1's reads (0) share fold 0's window
        pipe.AddFold(10, 0, 0);    // fold 0's writeback (30) shares fold 1's window: 30 - 10 = 20 stall
        Assert.Equal(20, pipe.Finish());
    }

    [Fact]
    public void Os_single_fold_traffic_and_stalls_by_hand()
    {
        // 4^3 GEMM on 4x4 OS, int8: A 16 B + B 16 B up front (10 + 32/4 = 18), Z 16 B drained (4).
        var arch = new ArchSpec("t", new SystolicSpec(4, 4, Dataflow.Os), new ScratchpadSpec(64, 64, 64), new DramSpec(4, 10), 1, 1);
        var r = new SystolicModel().Evaluate("t", new GemmShape(4, 4, 4), arch, SimMode.Default);
        Assert.Equal((16L, 16L, 16L, 0L), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));
        Assert.Equal(22, r.StallCycles);
        Assert.Equal(10 + 22, r.TotalCycles);
    }

    [Fact]
    public void Ws_partial_sums_spill_when_the_output_tile_exceeds_half_the_ofmap_buffer()
    {
        // M=8 N=4 K=8 on 4x4 WS: 2 K folds of 8+4+4-2+4 = 18 cycles. Z tile 8x4 = 32 partial sums × 4 B = 128 B > 10/2 B:
        // spills. fold0 reads B 16 + A 32 (48 B: 6 cycles, exposed), writes 128 B of partial sums; fold1 reads
        // B 16 + A 32 + partials 128 = 176 B (22 cycles in fold0's 18: 4 stall), writes the 32 B int8 result.
        // Finish: fold0's 128 B writeback (16 cycles) hides under fold1's 18; fold1's 32 B (4 cycles) is exposed.
        var arch = new ArchSpec("t", new SystolicSpec(4, 4, Dataflow.Ws), new ScratchpadSpec(1, 1, 10.0 / 1024), new DramSpec(8, 0), 1, 1);
        var r = new SystolicModel().Evaluate("t", new GemmShape(8, 4, 8), arch, SimMode.Default);
        Assert.Equal(32, r.DramReadsFilterBytes);
        Assert.Equal(64, r.DramReadsIfmapBytes);
        Assert.Equal(128 + 32, r.DramWritesOfmapBytes);
        Assert.Equal(128, r.DramReadsOfmapBytes);
        Assert.Equal(6 + 4 + 4, r.StallCycles);
    }

    [Fact]
    public void Ws_output_tile_that_fits_is_written_once()
    {
        var arch = new ArchSpec("t", new SystolicSpec(4, 4, Dataflow.Ws), new ScratchpadSpec(1, 1, 1), new DramSpec(8, 0), 1, 1);
        var r = new SystolicModel().Evaluate("t", new GemmShape(8, 4, 8), arch, SimMode.Default);
        Assert.Equal(32, r.DramWritesOfmapBytes);
        Assert.Equal(0, r.DramReadsOfmapBytes);
    }

    [Fact]
    public void Operand_larger_than_its_scratchpad_is_refetched_per_column_fold()
    {
        // OS M=64 N=64 K=64 on 32x32: 2x2 folds. A = 4 KiB. With a 1 KiB ifmap buffer A is read twice (8 KiB);
        // with 8 KiB it stays resident (4 KiB). B is read once per column fold either way (4 KiB).
        GemmShape gemm = new(64, 64, 64);
        var small = new ArchSpec("t", new SystolicSpec(32, 32, Dataflow.Os), new ScratchpadSpec(1, 64, 64), new DramSpec(64, 0), 1, 1);
        var large = small with { Scratchpad = new ScratchpadSpec(8, 64, 64) };
        var model = new SystolicModel();
        Assert.Equal(8192, model.Evaluate("t", gemm, small, SimMode.Default).DramReadsIfmapBytes);
        Assert.Equal(4096, model.Evaluate("t", gemm, large, SimMode.Default).DramReadsIfmapBytes);
        Assert.Equal(4096, model.Evaluate("t", gemm, small, SimMode.Default).DramReadsFilterBytes);
    }

    [Fact]
    public void More_bandwidth_never_stalls_more()
    {
        var gemm = new GemmShape(300, 200, 500);
        long previous = long.MaxValue;
        foreach (var bw in new[] { 1.0, 2, 4, 8, 16, 64, 256 })
        {
            var arch = ArchSpec.Default(new SystolicSpec(16, 16, Dataflow.Ws)) with { Dram = new DramSpec(bw, 50) };
            var stall = new SystolicModel().Evaluate("t", gemm, arch, SimMode.Default).StallCycles;
            Assert.True(stall <= previous, $"bw {bw}: {stall} > {previous}");
            previous = stall;
        }
    }

    [Fact]
    public void More_scratchpad_never_adds_dram_traffic()
    {
        Gen.Select(Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Int[1, 64],
                Gen.Int[1, 64], Gen.Enum<Dataflow>(), Gen.Double[0.25, 512])
            .Sample((m, n, k, rows, cols, df, kb) =>
            {
                var gemm = new GemmShape(m, n, k);
                var small = new ArchSpec("s", new SystolicSpec(rows, cols, df), new ScratchpadSpec(kb, kb, kb), new DramSpec(8, 10), 1, 1);
                var large = small with { Scratchpad = new ScratchpadSpec(2 * kb, 2 * kb, 2 * kb) };
                var model = new SystolicModel();
                return model.Evaluate("p", gemm, large, SimMode.Default).DramBytes <= model.Evaluate("p", gemm, small, SimMode.Default).DramBytes;
            });
    }

    [Fact]
    public void Dram_traffic_is_at_least_compulsory()
    {
        // Every input byte is read at least once and every output byte written at least once.
        Gen.Select(Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Long[1, 1500], Gen.Int[1, 64],
                Gen.Int[1, 64], Gen.Enum<Dataflow>(), Gen.Double[0.25, 512])
            .Sample((m, n, k, rows, cols, df, kb) =>
            {
                var arch = new ArchSpec("s", new SystolicSpec(rows, cols, df), new ScratchpadSpec(kb, kb, kb), new DramSpec(8, 10), 1, 1);
                var r = new SystolicModel().Evaluate("p", new GemmShape(m, n, k), arch, SimMode.Default);
                return r.DramReadsIfmapBytes >= m * k && r.DramReadsFilterBytes >= k * n && r.DramWritesOfmapBytes >= m * n;
            });
    }

    [Fact]
    public void Collapsed_walk_equals_the_fold_by_fold_walk()
    {
        Gen.Select(Gen.Long[1, 400], Gen.Long[1, 400], Gen.Long[1, 400], Gen.Int[1, 16], Gen.Int[1, 16], Gen.Enum<Dataflow>(),
                Gen.Double[0.05, 64], Gen.Enum<SimMode>())
            .Sample((m, n, k, rows, cols, df, kb, mode) =>
            {
                var gemm = new GemmShape(m, n, k);
                var arch = new ArchSpec("s", new SystolicSpec(rows, cols, df), new ScratchpadSpec(kb, kb, kb / 4), new DramSpec(kb / 8, 30), 1, 1);
                var g = FoldGeometry.Of(gemm, (SystolicSpec)arch.Tile);
                return FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, mode), (_, cols) => g.FoldCycles(mode, cols)) == FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, mode), (_, cols) => g.FoldCycles(mode, cols), collapseRepeats: false);
            });
    }

    [Fact(Timeout = 20_000)]
    public async Task Billions_of_folds_cost_constant_time()
    {
        // 10^10 folds on a 1x1 array: a fold-by-fold walk would run for minutes.
        var arch = new ArchSpec("s", new SystolicSpec(1, 1, Dataflow.Os), new ScratchpadSpec(64, 64, 64), new DramSpec(16, 100), 1, 1);
        var r = await Task.Run(() => new SystolicModel().Evaluate("big", new GemmShape(100_000, 100_000, 1_000), arch, SimMode.Default));
        Assert.Equal(10_000_000_000L, r.Folds);
        Assert.Equal(100_000L * 100_000 * 1_000 * 1, r.DramReadsIfmapBytes); // A re-read for every column fold
    }

    [Fact]
    public void Cycle_counts_beyond_64_bits_throw_instead_of_wrapping()
    {
        var arch = new ArchSpec("s", new SystolicSpec(8, 8, Dataflow.Ws), new ScratchpadSpec(64, 64, 64), new DramSpec(1e-300, 0), 1, 1);
        Assert.Throws<OverflowException>(() => new SystolicModel().Evaluate("t", new GemmShape(64, 64, 64), arch, SimMode.Default));
    }
}
