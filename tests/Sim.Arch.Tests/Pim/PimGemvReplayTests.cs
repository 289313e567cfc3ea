using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

/// <summary>
/// The closed form (NeuPIMs' serial estimator) against the same command stream replayed on the command-level DRAM
/// timeline: two independent derivations of one GEMV's time.
/// </summary>
public class PimGemvReplayTests
{
    /// <summary>
    /// Measured (deterministic) replay against the closed form, pinned per case. The recurring reasons: the timeline pays a
    /// command-bus slot per command (the estimator issues a G_ACT pair, a precharge group or a READRES after the last COMP
    /// "at once"), it hides the next chunk's GWRITE behind the previous tile's precharges (the estimator serialises them),
    /// and with a single row buffer (newton, samsung-hbm-pim, aim) each COMP holds its row's precharge by tRTP and the
    /// input row's ACT/GWRITE/PRE cannot overlap the PIM rows.
    /// </summary>
    [Theory]
    [InlineData("neupims", 64, 1024, 1024, 962, 963, "one tile pair: the second G_ACT of the tFAW pair takes the next command slot")]
    [InlineData("neupims", 256, 512, 512, 1566, 1589, "command slots per tile (G_ACT pairs, 4-bank precharge groups) outweigh the hidden GWRITE")]
    [InlineData("neupims", 1024, 1024, 128, 12_266, 12_195, "the second GWRITE hides behind the precharges; one command slot per G_ACT pair")]
    [InlineData("neupims", 128, 1024, 1024, 1690, 1699, "command slots of the G_ACT pairs, one per tile")]
    [InlineData("neupims", 100, 300, 300, 605, 658, "partial tile: few COMPs, so the per-command slots and READRES spacing are a larger share")]
    [InlineData("newton", 64, 1024, 1024, 962, 1001, "single row buffer: COMP → PIM PRE tRTP and the input row serialised with the PIM rows")]
    [InlineData("newton", 256, 512, 512, 1566, 1616, "single row buffer (tRTP before each PIM precharge) plus command slots")]
    [InlineData("newton", 1024, 1024, 128, 12_266, 12_353, "single row buffer: tRTP before each tile's precharge outweighs the hidden GWRITE")]
    [InlineData("newton", 128, 1024, 1024, 1690, 1745, "single row buffer: tRTP per tile plus command slots")]
    [InlineData("newton", 100, 300, 300, 605, 677, "partial tile with a single row buffer: tRTP and slots on few COMPs")]
    [InlineData("samsung-hbm-pim", 64, 1024, 1024, 4306, 4431, "single row buffer; 16-bank ACT per tFAW plus tRTP and a slot per COMP group")]
    [InlineData("samsung-hbm-pim", 256, 512, 512, 7906, 8075, "single row buffer: tRTP per tile and command slots")]
    [InlineData("samsung-hbm-pim", 1024, 1024, 128, 61_906, 62_991, "single row buffer: tRTP per tile over many tiles (1.8%)")]
    [InlineData("samsung-hbm-pim", 128, 1024, 1024, 8146, 8335, "single row buffer: tRTP per tile and command slots")]
    [InlineData("samsung-hbm-pim", 100, 300, 300, 2226, 2393, "partial tiles: per-tile overheads on few COMPs")]
    [InlineData("aim", 64, 1024, 1024, 682, 724, "single row buffer, 1-cycle COMPs: every slot and tRTP shows")]
    [InlineData("aim", 256, 512, 512, 1914, 2036, "1-cycle COMPs: command slots and tRTP are a larger share")]
    [InlineData("aim", 1024, 1024, 128, 10_458, 10_292, "GWRITEs of the many chunks overlap the previous tiles' precharges")]
    [InlineData("aim", 128, 1024, 1024, 1274, 1332, "1-cycle COMPs: command slots and tRTP per tile")]
    [InlineData("aim", 100, 300, 300, 734, 832, "partial tile, 1-cycle COMPs: fixed per-tile costs dominate (+13%)")]
    public void Replay_on_the_dram_timeline_against_the_closed_form_pinned_per_case(string preset, long rows, long cols, long segment, long closed, long replay, string reason)
    {
        var (pim, dram) = PimPresets.Find(preset)!.Value;
        var layout = PimGemvLayout.Create(pim, dram, new PimGemvShape(rows, cols, segment), 1);
        Assert.Equal(closed, PimGemvTiming.Estimate(layout).Cycles);
        Assert.True(replay == PimGemvReplay.Cycles(layout), $"{preset} {rows}×{cols}: replay {PimGemvReplay.Cycles(layout)}, pinned {replay} ({reason})");
        Assert.True(replay >= PimGemvTiming.InternalBandwidthBoundCycles(layout), "faster than the banks can stream");
    }

    [Fact]
    public void Gpt3_qk_at_kv_1024_agrees_within_1_percent()
    {
        // 64 tiles of 8 G_ACTs + 32 COMPs + 4 READRES, 2 chunks. Closed form: 2 GWRITEs of 96 + 28, 63 precharges of 14,
        // 64 × (30·3 + 14 + 64 + 6) = 12,266. The timeline hides the second GWRITE behind the precharges and pays one
        // command slot per G_ACT pair: 12,195 (measured), 0.6% less.
        var layout = PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, PimDecodeAttention.QkShape(1024, 8, 128), 1);
        Assert.Equal(12_266, PimGemvTiming.Estimate(layout).Cycles);
        Assert.Equal(12_195, PimGemvReplay.Cycles(layout));
    }

    [Fact]
    public void Single_row_buffer_replay_is_never_faster_than_dual()
    {
        foreach (var shape in new[] { PimGemvShape.Plain(256, 512), PimDecodeAttention.QkShape(512, 8, 128) })
        {
            var dual = PimGemvReplay.Cycles(PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, shape, 1));
            var single = PimGemvReplay.Cycles(PimGemvLayout.Create(PimPresets.Newton, DramPresets.NeuPimsHbm2, shape, 1));
            Assert.True(single >= dual, $"{shape}: single {single} < dual {dual}");
        }
    }

    [Fact]
    public void Every_channel_is_replayed_and_the_slowest_sets_the_time()
    {
        var layout = PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, PimGemvShape.Plain(96, 1024), [64, 32]);
        var channels = PimGemvReplay.ChannelCycles(layout);
        Assert.Equal(2, channels.Count);
        Assert.True(channels[0] > channels[1]);
        Assert.Equal(channels[0], PimGemvReplay.Cycles(layout));
    }
}
