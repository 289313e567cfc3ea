using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;
using static Sim.Arch.Memory.Dram.DramCommandKind;

namespace Sim.Arch.Tests.Memory.Dram;

/// <summary>
/// Hand-derived cases on the NeuPIMs HBM2 preset: CL 14, CWL 4, tRCD 14, tRP 14, tRAS 34 (tRC 48), tFAW 30, tRRD_S/L 4/6,
/// tCCD_S/L 1/2, BL/2 = 2, tRTP 5, tWR 16, tWTR_S/L 6/8, tRFC 260.
/// </summary>
public class DramTimelineTests
{
    private static readonly DramTimingSpec Hbm = DramPresets.NeuPimsHbm2;

    private static DramCommand Cmd(DramCommandKind kind, int bankGroup = 0, int bank = 0, int row = 0, int rank = 0, int channel = 0) =>
        new(kind, channel, rank, bankGroup, bank, row, 0);

    [Fact]
    public void Row_miss_waits_tRCD_and_data_arrives_CL_later()
    {
        var t = new DramTimeline(Hbm);
        Assert.Equal(0, t.Issue(Cmd(Activate, row: 1), 0));
        var rd = t.Issue(Cmd(Read, row: 1), 0);
        Assert.Equal(14, rd); // tRCD
        Assert.Equal(14 + 14 + 2, t.ReadDataEnd(rd)); // + CL + burst: the closed bank costs tRCD + CL before the first beat
    }

    [Fact]
    public void Row_hit_in_the_same_bank_is_spaced_by_tCCD_L_and_the_burst()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 1), 0);
        Assert.Equal(14, t.Issue(Cmd(Read, row: 1), 0));
        Assert.Equal(16, t.Issue(Cmd(Read, row: 1), 0)); // 14 + max(tCCD_L 2, BL/2 2)
        Assert.Equal(18, t.Issue(Cmd(Read, row: 1), 0));
        Assert.Equal(3 * 2, t.DataBusBusyCycles(0));
    }

    [Fact]
    public void Column_spacing_is_tCCD_S_across_bank_groups_and_tCCD_L_within()
    {
        // Widen tCCD so it binds rather than the 2-cycle burst: tCCD_S 3, tCCD_L 5.
        var spec = Hbm with { Timings = Hbm.Timings with { TccdSCycles = 3, TccdLCycles = 5 } };
        var t = new DramTimeline(spec);
        t.Issue(Cmd(Activate, bankGroup: 0, row: 1), 0);
        t.Issue(Cmd(Activate, bankGroup: 1, row: 1), 0);
        Assert.Equal(20, t.Issue(Cmd(Read, bankGroup: 0, row: 1), 20));
        Assert.Equal(23, t.Issue(Cmd(Read, bankGroup: 1, row: 1), 0)); // 20 + tCCD_S
        Assert.Equal(26, t.Issue(Cmd(Read, bankGroup: 0, row: 1), 0)); // max(20 + tCCD_L = 25, 23 + tCCD_S = 26)
        Assert.Equal(31, t.Issue(Cmd(Read, bankGroup: 0, row: 1), 0)); // 26 + tCCD_L
    }

    [Fact]
    public void Row_conflict_waits_tRAS_then_tRP_then_tRCD()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 1), 0);
        Assert.Equal(14, t.Issue(Cmd(Read, row: 1), 0));
        Assert.Equal(34, t.Issue(Cmd(Precharge, row: 1), 0)); // max(tRAS 34, RD 14 + tRTP 5)
        Assert.Equal(48, t.Issue(Cmd(Activate, row: 2), 0)); // 34 + tRP (= tRC 48)
        Assert.Equal(62, t.Issue(Cmd(Read, row: 2), 0)); // + tRCD
    }

    [Fact]
    public void Precharge_after_a_late_read_waits_tRTP_and_after_a_write_waits_write_recovery()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, bankGroup: 0, row: 1), 0);
        t.Issue(Cmd(Activate, bankGroup: 1, row: 1), 0);
        Assert.Equal(40, t.Issue(Cmd(Read, bankGroup: 0, row: 1), 40));
        Assert.Equal(45, t.Issue(Cmd(Precharge, bankGroup: 0, row: 1), 0)); // 40 + tRTP 5
        // Read→write turnaround: the write's data (CWL 4 after it) must follow the read's data on the bus (54..56): 56 − 4.
        Assert.Equal(52, t.Issue(Cmd(Write, bankGroup: 1, row: 1), 0));
    }

    [Fact]
    public void Write_recovery_delays_the_precharge()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 1), 0);
        Assert.Equal(14, t.Issue(Cmd(Write, row: 1), 0));
        Assert.Equal(14 + 4 + 2 + 16, t.Issue(Cmd(Precharge, row: 1), 0)); // WR + CWL + burst + tWR = 36 > tRAS 34
    }

    [Fact]
    public void Write_to_read_turnaround_is_tWTR_L_in_the_bank_group_and_tWTR_S_across()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, bankGroup: 0, row: 1), 0);
        t.Issue(Cmd(Activate, bankGroup: 1, row: 1), 0); // at 4 (tRRD_S)
        Assert.Equal(14, t.Issue(Cmd(Write, bankGroup: 0, row: 1), 0)); // write data ends 14 + CWL 4 + 2 = 20
        Assert.Equal(26, t.EarliestIssue(Cmd(Read, bankGroup: 1, row: 1), 0)); // 20 + tWTR_S 6 (> tRCD 4 + 14 = 18)
        Assert.Equal(28, t.EarliestIssue(Cmd(Read, bankGroup: 0, row: 1), 0)); // 20 + tWTR_L 8
    }

    [Fact]
    public void Activates_are_spaced_tRRD_S_across_bank_groups_and_tRRD_L_within()
    {
        var t = new DramTimeline(Hbm);
        Assert.Equal(0, t.Issue(Cmd(Activate, bankGroup: 0, bank: 0), 0));
        Assert.Equal(4, t.Issue(Cmd(Activate, bankGroup: 1, bank: 0), 0)); // tRRD_S
        Assert.Equal(10, t.Issue(Cmd(Activate, bankGroup: 1, bank: 1), 0)); // max(4 + tRRD_L 6, 4 + tRRD_S)
        Assert.Equal(11, t.Issue(Cmd(Activate, bankGroup: 0, bank: 0, rank: 1), 0)); // another rank: only the command bus
    }

    [Fact]
    public void The_fifth_activate_in_a_rank_waits_for_the_tFAW_window()
    {
        var t = new DramTimeline(Hbm);
        for (var g = 0; g < 4; g++)
            Assert.Equal(4 * g, t.Issue(Cmd(Activate, bankGroup: g), 0)); // 0, 4, 8, 12: tRRD_S apart
        Assert.Equal(13, t.Issue(Cmd(Activate, rank: 1), 0)); // rank 1 has its own window
        Assert.Equal(30, t.Issue(Cmd(Activate, bankGroup: 0, bank: 1), 0)); // first ACT 0 + tFAW (tRRD alone would give 16)
        Assert.Equal(34, t.Issue(Cmd(Activate, bankGroup: 1, bank: 1), 0)); // second ACT 4 + tFAW
    }

    [Fact]
    public void With_tRRD_of_one_only_tFAW_spaces_the_fifth_and_sixth_activates()
    {
        var t = new DramTimeline(Hbm with { Timings = Hbm.Timings with { TrrdSCycles = 1, TrrdLCycles = 1 } });
        for (var g = 0; g < 4; g++)
            Assert.Equal(g, t.Issue(Cmd(Activate, bankGroup: g), 0)); // 0, 1, 2, 3
        Assert.Equal(30, t.Issue(Cmd(Activate, bankGroup: 0, bank: 1), 0)); // first ACT 0 + tFAW; tRRD would allow 4
        Assert.Equal(31, t.Issue(Cmd(Activate, bankGroup: 1, bank: 1), 0)); // second ACT 1 + tFAW
        Assert.Equal(32, t.Issue(Cmd(Activate, bankGroup: 2, bank: 1), 0)); // third ACT 2 + tFAW
    }

    [Fact]
    public void Column_commands_to_another_rank_are_spaced_tCCD_R()
    {
        // 2 ranks, tCCD_S = tCCD_L = 4, BL/2 = 2: alternating ranks is bound by tCCD_R (default BL/2), not tCCD_S.
        var spec = Hbm with { Timings = Hbm.Timings with { TccdSCycles = 4, TccdLCycles = 4 } };
        Assert.Equal(2, spec.TccdRCycles);
        Assert.Equal(64.0 / 2 * 32, spec.PeakBytesPerCycle); // alternating ranks: one burst per max(BL/2, tCCD_R)
        Assert.Equal([14, 16, 18, 20], Alternate(new DramTimeline(spec)));
        var slow = spec with { Timings = spec.Timings with { TccdRCycles = 3 } };
        Assert.Equal([14, 17, 20, 23], Alternate(new DramTimeline(slow))); // r0 at 20: max(14 + tCCD_S, 17 + tCCD_R)
        Assert.Equal(64.0 / 3 * 32, slow.PeakBytesPerCycle);
        Assert.Equal(64.0 / 4 * 32, (slow with { Timings = slow.Timings with { TccdRCycles = 5 } }).PeakBytesPerCycle);

        static long[] Alternate(DramTimeline t)
        {
            t.Issue(Cmd(Activate, row: 1), 0);
            t.Issue(Cmd(Activate, row: 1, rank: 1), 0);
            return [.. Enumerable.Range(0, 4).Select(i => t.Issue(Cmd(Read, row: 1, rank: i % 2), 0))];
        }
    }

    [Fact]
    public void Refresh_needs_precharged_banks_and_blocks_activates_for_tRFC()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 1), 0);
        var e = Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Refresh), 0));
        Assert.Contains("precharged before a refresh", e.Message, StringComparison.Ordinal);
        Assert.Equal(34, t.Issue(Cmd(Precharge, row: 1), 0));
        Assert.Equal(48, t.Issue(Cmd(Refresh), 0)); // tRP after the PRE
        Assert.Equal(48 + 260, t.Issue(Cmd(Activate, row: 2), 0)); // + tRFC
        Assert.Equal(308 + 1, t.Issue(Cmd(Activate, rank: 1), 0)); // the other rank was not refreshed
        Assert.Equal(1, t.CommandCount(0, Refresh));
    }

    [Fact]
    public void Commands_share_one_command_bus_slot_per_cycle_and_channels_are_independent()
    {
        var t = new DramTimeline(Hbm);
        Assert.Equal(0, t.Issue(Cmd(Activate, rank: 0), 0));
        Assert.Equal(1, t.Issue(Cmd(Activate, rank: 1), 0));
        Assert.Equal(0, t.Issue(Cmd(Activate, channel: 1), 0));
        Assert.Equal(1, t.LastIssueCycle(0));
        Assert.Equal(-1, t.LastIssueCycle(2));
    }

    [Fact]
    public void Earliest_issue_changes_nothing()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 3), 0);
        var rd = Cmd(Read, row: 3);
        Assert.Equal(14, t.EarliestIssue(rd, 0));
        Assert.Equal(14, t.EarliestIssue(rd, 0));
        Assert.Equal(0, t.LastIssueCycle(0));
        Assert.Equal(20, t.EarliestIssue(rd, 20));
        Assert.Equal(14, t.Issue(rd, 0));
    }

    [Theory]
    [InlineData(Read, "the bank is closed")]
    [InlineData(Write, "the bank is closed")]
    [InlineData(Precharge, "no open row")]
    public void Column_or_precharge_to_a_closed_bank_is_a_model_bug(DramCommandKind kind, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new DramTimeline(Hbm).Issue(Cmd(kind), 0));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains($"illegal DRAM command {kind}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activate_to_an_open_bank_or_read_of_another_row_is_a_model_bug()
    {
        var t = new DramTimeline(Hbm);
        t.Issue(Cmd(Activate, row: 1), 0);
        Assert.Contains("has row 1 open; precharge it first", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Activate, row: 2), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("has row 1 open, not row 2", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Read, row: 2), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Read, bank: 9), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("channel 40 does not exist", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Activate, channel: 40), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("rank 2 does not exist", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(Activate, rank: 2), 0)).Message, StringComparison.Ordinal);
        Assert.Contains("no PimSpec", Assert.Throws<InvalidOperationException>(() => t.Issue(Cmd(PimCompute), 0)).Message, StringComparison.Ordinal);
    }
}
