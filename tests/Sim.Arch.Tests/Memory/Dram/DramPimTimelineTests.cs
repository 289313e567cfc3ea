using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;
using static Sim.Arch.Memory.Dram.DramCommandKind;

namespace Sim.Arch.Tests.Memory.Dram;

/// <summary>PIM commands on the timeline, against the NeuPIMs estimator (research notes §A.1.3).</summary>
public class DramPimTimelineTests
{
    private static readonly DramTimingSpec Hbm = DramPresets.NeuPimsHbm2;

    private static DramCommand Cmd(DramCommandKind kind, int bankGroup = 0, int bank = 0, int row = 0, int rank = 0) =>
        new(kind, 0, rank, bankGroup, bank, row, 0);

    /// <summary>
    /// One GPT3-7B TP4 tile: 8 G_ACTs (2 ranks × 4 bank groups of 4 banks = 32 banks), 32 COMPs, 4 READRES; returns the
    /// issue cycle of the last READRES.
    /// </summary>
    private static long Tile(DramTimeline t, bool ranksInterleaved)
    {
        var groups = ranksInterleaved
            ? Enumerable.Range(0, 4).SelectMany(g => new[] { (0, g), (1, g) })
            : new[] { 0, 1 }.SelectMany(r => Enumerable.Range(0, 4).Select(g => (r, g)));
        foreach (var (rank, group) in groups)
            t.Issue(Cmd(PimActivate, bankGroup: group, row: 7, rank: rank), 0);
        for (var c = 0; c < 32; c++)
            t.Issue(Cmd(PimCompute), 0);
        long last = 0;
        for (var r = 0; r < 4; r++)
            last = t.Issue(Cmd(PimReadResult), 0);
        return last;
    }

    [Fact]
    public void The_NeuPIMs_GPT3_7B_tile_takes_the_estimators_174_cycles_plus_one_command_bus_slot()
    {
        // Estimator: tFAW·(8/2 − 1) + tRCD + max(BL/2, tCCD_S)·32 + max(BL/2, tCCD_L)·(4 − 1) = 90 + 14 + 64 + 6 = 174.
        var estimator = (30 * ((8 / 2) - 1)) + 14 + (2 * 32) + (2 * 3);
        Assert.Equal(174, estimator);
        // Timeline: G_ACTs at 0, 1, 30, 31, 60, 61, 90, 91 (two per tFAW window — weight 2 of 4 — in the channel's window; the
        // second of each pair waits one command-bus slot, which the estimator, issuing the pair at once, does not count);
        // first COMP at 91 + tRCD = 105, last at 105 + 31·2 = 167; READRES at 169, 171, 173, 175.
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(estimator + 1, Tile(t, ranksInterleaved: false));
        Assert.Equal(8, t.CommandCount(0, PimActivate));
        Assert.Equal(4 * 2, t.DataBusBusyCycles(0));
    }

    [Fact]
    public void With_only_the_per_rank_tFAW_window_the_two_ranks_activate_in_parallel()
    {
        // Rank windows only: r0g0 0, r1g0 1, r0g1 2, r1g1 3, r0g2 30 (0 + tFAW), r1g2 31, r0g3 32, r1g3 33;
        // COMPs 47..109, READRES 111..117.
        var t = new DramTimeline(Hbm, PimPresets.NeuPims, new DramTimelineOptions(PimFawPerChannel: false));
        Assert.Equal(117, Tile(t, ranksInterleaved: true));
    }

    [Fact]
    public void Dual_row_buffer_lets_a_host_read_proceed_during_PIM_without_a_conflict()
    {
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(0, t.Issue(Cmd(PimActivate, bankGroup: 0, row: 5), 0)); // PIM row 5 in banks 0..3 of group 0
        Assert.Equal(6, t.Issue(Cmd(Activate, bankGroup: 0, bank: 0, row: 7), 0)); // same bank: tRRD_L, not tRC
        Assert.Equal(20, t.Issue(Cmd(Read, bankGroup: 0, bank: 0, row: 7), 0)); // + tRCD
        Assert.Equal(5, t.OpenPimRow(0, 0, 0, 0));
        Assert.Equal(7, t.OpenRow(0, 0, 0, 0));
        Assert.Equal(21, t.Issue(Cmd(PimCompute), 0)); // the PIM row is still open: next command-bus slot
    }

    [Fact]
    public void Single_row_buffer_makes_the_same_host_read_a_row_conflict()
    {
        var t = new DramTimeline(Hbm, PimPresets.Newton);
        Assert.Equal(0, t.Issue(Cmd(PimActivate, bankGroup: 0, row: 5), 0));
        var e = Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Activate, bankGroup: 0, bank: 0, row: 7), 0));
        Assert.Contains("single row buffer", e.Message, StringComparison.Ordinal);
        Assert.Equal(14, t.EarliestIssue(Cmd(Read, bankGroup: 0, bank: 0, row: 5), 0)); // the PIM row is the bank's row: a hit
        Assert.Equal(34, t.Issue(Cmd(PimPrecharge, bankGroup: 0), 0)); // tRAS
        Assert.Equal(48, t.Issue(Cmd(Activate, bankGroup: 0, bank: 0, row: 7), 0)); // + tRP
        Assert.Equal(62, t.Issue(Cmd(Read, bankGroup: 0, bank: 0, row: 7), 0)); // 42 cycles later than with dual buffers
    }

    [Fact]
    public void Single_row_buffer_compute_delays_the_PIM_precharge_by_tRTP_and_dual_does_not()
    {
        var single = new DramTimeline(Hbm, PimPresets.Newton);
        single.Issue(Cmd(PimActivate, row: 1), 0);
        Assert.Equal(40, single.Issue(Cmd(PimCompute), 40));
        Assert.Equal(45, single.Issue(Cmd(PimPrecharge), 0)); // COMP + tRTP
        var dual = new DramTimeline(Hbm, PimPresets.NeuPims);
        dual.Issue(Cmd(PimActivate, row: 1), 0);
        Assert.Equal(40, dual.Issue(Cmd(PimCompute), 40));
        Assert.Equal(41, dual.Issue(Cmd(PimPrecharge), 0)); // PIM op → PRE is 0 (timing.cc), next command-bus slot
        Assert.Null(dual.OpenPimRow(0, 0, 0, 0));
    }

    [Fact]
    public void Global_write_streams_the_row_and_blocks_column_commands_for_the_broadcast()
    {
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        t.Issue(Cmd(Activate, bankGroup: 0, row: 3), 0);
        Assert.Equal(14, t.Issue(Cmd(PimGlobalWrite, bankGroup: 0, row: 3), 0)); // as a read: tRCD
        Assert.Equal(15, t.Issue(Cmd(Activate, bankGroup: 1, row: 3), 0));
        Assert.Equal(14 + 96, t.Issue(Cmd(Read, bankGroup: 1, row: 3), 0)); // GWRITE of a 1 KB row: 96 cycles (gwrite_delay)
        Assert.Equal(96 + 2, t.DataBusBusyCycles(0));
    }

    [Fact]
    public void Samsung_all_bank_activate_takes_the_whole_tFAW_window()
    {
        // ActWeightInFaw 4: one all-bank ACT (16 banks) per tFAW 16 window.
        var t = new DramTimeline(DramPresets.SamsungHbmPim, PimPresets.SamsungHbmPim);
        Assert.Equal(0, t.Issue(Cmd(PimActivate, row: 1), 0));
        Assert.Equal(14, t.Issue(Cmd(PimCompute), 0)); // tRCD
        Assert.Equal(18, t.Issue(Cmd(PimCompute), 0)); // CompCycles 4
        Assert.Equal(33, t.Issue(Cmd(PimPrecharge), 0)); // tRAS 33 (> COMP 18 + tRTP 5)
        Assert.Equal(47, t.Issue(Cmd(PimActivate, row: 2), 0)); // tRC 47 ≥ tFAW 16
    }

    [Fact]
    public void PIM_commands_need_their_rows()
    {
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Contains("no bank of the channel has a PIM row open", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimCompute), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("no PIM compute", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimReadResult), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("no open PIM row", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimPrecharge), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("the bank is closed", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimGlobalWrite), 0)).Message, StringComparison.Ordinal);
        t.Issue(Cmd(PimActivate, bankGroup: 1, row: 2), 0);
        Assert.Contains("PIM row buffer", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimActivate, bankGroup: 1, row: 3), 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_activate_after_a_PIM_activate_waits_tRRD_and_vice_versa()
    {
        var pimFirst = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(0, pimFirst.Issue(Cmd(PimActivate, bankGroup: 0, row: 5), 0));
        Assert.Equal(4, pimFirst.Issue(Cmd(Activate, bankGroup: 1, row: 7), 0)); // tRRD_S (not the next slot, 1)
        var hostFirst = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(0, hostFirst.Issue(Cmd(Activate, bankGroup: 1, row: 7), 0));
        Assert.Equal(4, hostFirst.Issue(Cmd(PimActivate, bankGroup: 0, row: 5), 0)); // tRRD_S
        var sameGroup = new DramTimeline(Hbm, PimPresets.NeuPims with { ActBanksPerCommand = 2 });
        Assert.Equal(0, sameGroup.Issue(Cmd(Activate, bankGroup: 1, bank: 0, row: 7), 0));
        Assert.Equal(6, sameGroup.Issue(Cmd(PimActivate, bankGroup: 1, bank: 2, row: 5), 0)); // banks 2–3 of group 1: tRRD_L
    }

    [Fact]
    public void PIM_activates_stay_exempt_from_tRRD_among_themselves()
    {
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(0, t.Issue(Cmd(PimActivate, bankGroup: 0, row: 5), 0));
        Assert.Equal(1, t.Issue(Cmd(PimActivate, bankGroup: 1, row: 5), 0)); // NeuPIMs' estimator: tFAW only, next slot
    }

    [Fact]
    public void A_compute_waits_until_the_global_write_has_filled_the_buffer()
    {
        var t = new DramTimeline(Hbm, PimPresets.NeuPims);
        Assert.Equal(0, t.Issue(Cmd(Activate, bankGroup: 0, row: 3), 0));
        Assert.Equal(4, t.Issue(Cmd(PimActivate, bankGroup: 1, row: 5), 0));
        Assert.Equal(14, t.Issue(Cmd(PimGlobalWrite, bankGroup: 0, row: 3), 0));
        Assert.Equal(14 + 96, t.Issue(Cmd(PimCompute), 0)); // not 18 (G_ACT + tRCD): the buffer is written until 110
    }

    [Fact]
    public void A_PIM_activate_covers_banks_from_its_bank_not_from_the_start_of_its_group()
    {
        var pim = PimPresets.NeuPims with { ActBanksPerCommand = 2 };
        var t = new DramTimeline(Hbm, pim);
        Assert.Equal(0, t.Issue(Cmd(PimActivate, bankGroup: 0, bank: 0, row: 5), 0));
        Assert.Equal(1, t.Issue(Cmd(PimActivate, bankGroup: 0, bank: 2, row: 6), 0));
        Assert.Equal([5, 5, 6, 6], Enumerable.Range(0, 4).Select(b => t.OpenPimRow(0, 0, 0, b)));
        t.Issue(Cmd(PimPrecharge, bankGroup: 0, bank: 2), 0);
        Assert.Equal([5, 5, null, null], Enumerable.Range(0, 4).Select(b => t.OpenPimRow(0, 0, 0, b)));
        Assert.Contains("beyond the rank", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimActivate, bankGroup: 3, bank: 3, row: 1), 0)).Message, StringComparison.Ordinal);
    }
}
