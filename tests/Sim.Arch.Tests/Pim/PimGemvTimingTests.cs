using CsCheck;
using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

/// <summary>Hand numbers from ../shared/research/pim-sparse-attn.md §A.1.2, §A.1.3, §A.6, §A.7.</summary>
public class PimGemvTimingTests
{
    private static readonly PimSpec NeuPims = PimPresets.NeuPims;
    private static readonly DramTimingSpec Hbm2 = DramPresets.NeuPimsHbm2;

    private static PimGemvLayout Gpt3Qk(long kvLength) => PimGemvLayout.Create(NeuPims, Hbm2, new PimGemvShape(kvLength, 1024, 128), 1);

    [Fact]
    public void Gpt3_7b_tp4_tile_is_174_cycles()
    {
        // 30·(8·2/4 − 1) + 14 + 2·32 + 2·(4 − 1) = 90 + 14 + 64 + 6.
        var tile = Gpt3Qk(32).Tiles(0).First();
        Assert.Equal(174, PimGemvTiming.TileCycles(NeuPims, Hbm2, tile));
        Assert.Equal(104, PimGemvTiming.ActivateCycles(NeuPims, Hbm2, 8));
        Assert.Equal(64, PimGemvTiming.ComputeCycles(NeuPims, 32));
        Assert.Equal(12, PimGemvTiming.ComputeCycles(NeuPims, 3)); // pipeline fill: 6 COMP slots at least
        Assert.Equal(14, PimGemvTiming.ActivateCycles(NeuPims, Hbm2, 2)); // two G_ACTs fit one tFAW window
    }

    [Fact]
    public void Gwrite_of_a_1kb_row_is_96_cycles_or_124_with_the_row_closed()
    {
        var chunk = Gpt3Qk(32).Chunks[0];
        Assert.Equal(96, PimGemvTiming.GlobalWriteCycles(NeuPims, Hbm2, chunk, inputRowOpen: true));
        Assert.Equal(124, PimGemvTiming.GlobalWriteCycles(NeuPims, Hbm2, chunk, inputRowOpen: false));
        // A 5-column chunk loads 160 of 1024 B: ⌈96·160/1024⌉ = 15.
        var partial = PimGemvLayout.Create(NeuPims, Hbm2, PimGemvShape.Plain(1, 80), 1).Chunks[0];
        Assert.Equal(15, PimGemvTiming.GlobalWriteCycles(NeuPims, Hbm2, partial, inputRowOpen: true));
    }

    [Fact]
    public void Neupims_internal_bandwidth_is_16x_the_bus_and_the_device_peaks_at_16_4_tflops()
    {
        Assert.Equal(512, PimRates.InternalBytesPerCyclePerChannel(NeuPims, Hbm2));
        Assert.Equal(32, PimRates.ExternalBytesPerCyclePerChannel(Hbm2));
        Assert.Equal(16, PimRates.InternalOverExternal(NeuPims, Hbm2));
        Assert.Equal(8192, PimRates.MacsPerCycle(NeuPims, Hbm2));
        Assert.Equal(16.384, PimRates.PeakTflops(NeuPims, Hbm2), 9);
        Assert.Equal(8, PimRates.MacsPerCyclePerUnit(NeuPims));
    }

    [Fact]
    public void A_single_tile_streams_64_of_174_cycles()
    {
        var time = PimGemvTiming.Estimate(Gpt3Qk(32), inputRowOpen: true);
        Assert.Equal(96 + 174 + 96 + 14 + 174, time.Cycles); // two chunks: GWRITE, tile, GWRITE, tRP + tile
        var tileOnly = time.Channels[0];
        Assert.Equal((96 * 2, 14, 2 * 104, 2 * 64, 2 * 6, 128), (tileOnly.GlobalWriteCycles, tileOnly.PrechargeCycles, tileOnly.ActivateCycles,
            tileOnly.ComputeCycles, tileOnly.ReadoutCycles, tileOnly.StreamingCycles));
        Assert.Equal(64.0 / 174, 64.0 / PimGemvTiming.TileCycles(NeuPims, Hbm2, Gpt3Qk(32).Tiles(0).First()), 12);
        Assert.InRange(64.0 / 174, 0.36, 0.37);
    }

    [Fact]
    public void Serial_and_overlapped_tiles_match_hand_sums()
    {
        // KV 64: 2 chunks × 2 row groups. Serial: 2·124 + 174 + 3·(14 + 174) = 986.
        Assert.Equal(986, PimGemvTiming.Estimate(Gpt3Qk(64)).Cycles);
        // Overlapped: after the first tile, max(64, 104 + 14) + 6 = 124 per tile: 248 + 174 + 3·124 = 794.
        var overlapped = PimGemvTiming.Estimate(Gpt3Qk(64), PimTileOverlap.ActivateBehindCompute);
        Assert.Equal(794, overlapped.Cycles);
        Assert.Equal(986 - 794, overlapped.Channels[0].HiddenCycles);
    }

    [Fact]
    public void The_slowest_channel_sets_the_gemv_time()
    {
        var layout = PimGemvLayout.Create(NeuPims, Hbm2, PimGemvShape.Plain(100, 512), [10L, 90L, 0L]);
        var time = PimGemvTiming.Estimate(layout);
        Assert.Equal(1, time.CriticalChannel);
        Assert.Equal(time.Channels[1].Cycles, time.Cycles);
        Assert.Equal(PimChannelTime.Zero, time.Channels[2]);
        Assert.True(time.Channels[0].Cycles < time.Cycles);
    }

    [Fact]
    public void Gemv_time_never_beats_the_internal_bandwidth_bound() =>
        Gen.Select(PimTestSpecs.SmallDevice, Gen.Int[1, 60], Gen.Int[1, 50], Gen.Int[1, 3], Gen.Int[1, 4], Gen.Bool)
            .Sample(t =>
            {
                var ((pim, dram), rows, segment, segments, channels, overlap) = t;
                var layout = PimGemvLayout.Create(pim, dram, new PimGemvShape(rows, (long)segment * segments, segment), channels);
                var time = PimGemvTiming.Estimate(layout, overlap ? PimTileOverlap.ActivateBehindCompute : PimTileOverlap.None);
                Assert.True(time.Cycles >= PimGemvTiming.InternalBandwidthBoundCycles(layout), $"{time.Cycles} < bound");
                Assert.True(time.Cycles <= PimGemvTiming.Estimate(layout).Cycles);
            }, iter: 300);

    [Fact]
    public void More_channels_are_never_slower() =>
        Gen.Select(Gen.Int[1, 3000], Gen.Int[1, 3000], Gen.Int[1, 40])
            .Sample((rows, cols, channels) =>
            {
                var shape = PimGemvShape.Plain(rows, cols);
                var fewer = PimGemvTiming.Estimate(PimGemvLayout.Create(NeuPims, Hbm2, shape, channels)).Cycles;
                var more = PimGemvTiming.Estimate(PimGemvLayout.Create(NeuPims, Hbm2, shape, channels + 1)).Cycles;
                Assert.True(more <= fewer, $"{rows}×{cols}: {channels + 1} channels {more} > {channels} channels {fewer}");
            }, iter: 200);

    [Fact]
    // Reductions of whole 32-element columns: otherwise wider lanes pad the last column and broadcast those zeros (a GWRITE
    // of a 4-element input loads 8 B with 4 lanes, 16 B with 8), which can cost a cycle.
    public void More_lanes_are_never_slower_on_a_plain_gemv() =>
        Gen.Select(Gen.Int[1, 500], Gen.Int[1, 100], Gen.Int[2, 4].Select(i => 1 << i))
            .Sample((rows, columns, lanes) =>
            {
                var cols = 32 * columns;
                var shape = PimGemvShape.Plain(rows, cols);
                long Time(int l) => PimGemvTiming.Estimate(PimGemvLayout.Create(NeuPims with { LanesPerUnit = l }, Hbm2, shape, 4)).Cycles;
                Assert.True(Time(lanes * 2) <= Time(lanes), $"{rows}×{cols}: {lanes * 2} lanes slower than {lanes}");
            }, iter: 200);

    [Fact]
    public void Every_preset_runs_a_4096_square_gemv_within_its_bounds()
    {
        foreach (var (pim, dram) in PimPresets.All)
        {
            var layout = PimGemvLayout.Create(pim, dram, PimGemvShape.Plain(4096, 4096), dram.Channels);
            var time = PimGemvTiming.Estimate(layout);
            Assert.True(time.Cycles >= PimGemvTiming.InternalBandwidthBoundCycles(layout), pim.Name);
            // PIM beats streaming the weights over the bus on every preset.
            Assert.True(time.Cycles < 4096.0 * 4096 * 2 / dram.PeakBytesPerCycle, pim.Name);
        }
    }
}
