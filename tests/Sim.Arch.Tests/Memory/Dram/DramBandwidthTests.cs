using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Memory.Dram;

public class DramBandwidthTests
{
    public static TheoryData<string> Presets => new(DramPresets.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Presets))]
    public void The_closed_form_sequential_rate_is_within_2_percent_of_the_simulated_stream(string preset)
    {
        var spec = DramPresets.Find(preset)!;
        var simulated = DramBandwidth.SequentialBytesPerCycle(spec);
        var closed = DramStreamClosedForm.SequentialBytesPerCycle(spec);
        Assert.InRange(simulated / closed, 0.98, 1.02);
        Assert.True(simulated <= spec.PeakBytesPerCycle);
    }

    /// <summary>
    /// Pinned per preset: the closed form by hand and the simulated stream (deterministic), for the two row-major mappings.
    /// NeuPIMs: tCCD_L = BL/2, so reading a row from one bank group already runs at the pins' rate — its figure is the old
    /// mapping's, unchanged. Samsung/AiM: tCCD_L = 2 · max(BL/2, tCCD_S), so only rotating the bank groups reaches the pins.
    /// </summary>
    [Theory]
    [InlineData("neupims-hbm2", 1024 * (1 - (293.0 / 3900)), 943.835, 943.835, 943.444)]
    [InlineData("samsung-hbm-pim", 256 * (1 - (383.0 / 3900)), 231.607, 116.533, 231.607)]
    [InlineData("aim-gddr6", 2 * 2048 / 66.0 * (1 - (316.0 / 3900)), 57.300, 29.513, 57.300)]
    public void Sustained_sequential_bandwidth_uses_the_better_row_major_mapping(string preset, double closedForm, double simulated, double oneGroupAtATime, double groupsInterleaved)
    {
        // samsung: a row is 32 bursts of max(BL/2 2, tCCD_S 2, tCCD_L 4 / 4 groups) = 64 cycles (the one-group mapping: 32 ·
        // tCCD_L 4 = 128); aim: 64 bursts of 1 cycle, but 64 RDs + ACT + PRE need 66 command slots; refresh costs
        // tRTP + tRP + tRFC + tRCD every tREFI.
        var spec = DramPresets.Find(preset)!;
        Assert.Equal(closedForm, DramStreamClosedForm.SequentialBytesPerCycle(spec), 6);
        Assert.Equal(simulated, DramBandwidth.SequentialBytesPerCycle(spec), 3);
        Assert.Equal(oneGroupAtATime, DramBandwidth.SequentialBytesPerCycle(spec, DramControllerOptions.Default), 3);
        Assert.Equal(groupsInterleaved, DramBandwidth.SequentialBytesPerCycle(spec, DramControllerOptions.Sequential), 3);
        Assert.InRange(simulated / closedForm, 0.99, 1.01);
    }

    /// <summary>Specs no preset covers: one bank (every row pays tRCD + tRTP + tRP), two banks, two ranks.</summary>
    public static TheoryData<string, int, int, int, int> Variants()
    {
        var data = new TheoryData<string, int, int, int, int>();
        foreach (var p in DramPresets.All)
        {
            data.Add(p.Name, 1, 1, 1, 1);
            data.Add(p.Name, 1, 1, 2, 1);
            data.Add(p.Name, 2, p.BankGroups, p.BanksPerGroup, 1);
            data.Add(p.Name, 1, 2, 2, 2); // tCCD_L stretched to 2 · BL/2 on NeuPIMs too
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_closed_form_holds_for_few_banks_two_ranks_and_a_long_tCCD_L(string preset, int ranks, int bankGroups, int banksPerGroup, int ccdLFactor)
    {
        var p = DramPresets.Find(preset)!;
        var spec = p with
        {
            Ranks = ranks,
            BankGroups = bankGroups,
            BanksPerGroup = banksPerGroup,
            Timings = p.Timings with { TccdLCycles = Math.Max(p.Timings.TccdLCycles, ccdLFactor * p.BurstCycles) },
        };
        var simulated = DramBandwidth.SequentialBytesPerCycle(spec);
        var closed = DramStreamClosedForm.SequentialBytesPerCycle(spec);
        Assert.InRange(simulated / closed, 0.98, 1.02);
        Assert.True(simulated <= spec.PeakBytesPerCycle);
    }

    [Fact]
    public void One_bank_pays_the_whole_row_cycle_per_row()
    {
        // NeuPIMs with one bank: ACT, RD at tRCD 14, 16 RDs 2 apart (last at 44), PRE at 44 + tRTP 5, next ACT + tRP 14 = 63
        // cycles per 1 KB row (not the 32 its bursts take): 32 channels · 1024 / 63 · (1 − 293/3900).
        var spec = DramPresets.NeuPimsHbm2 with { Ranks = 1, BankGroups = 1, BanksPerGroup = 1 };
        Assert.Equal(63, DramStreamClosedForm.RowCycles(spec));
        Assert.Equal(32 * 1024 / 63.0 * (1 - (293.0 / 3900)), DramStreamClosedForm.SequentialBytesPerCycle(spec), 9);
    }

    [Fact]
    public void The_closed_form_computes_in_doubles_so_huge_devices_do_not_overflow()
    {
        var huge = DramPresets.NeuPimsHbm2 with { Channels = 1 << 21, RowBytes = 1 << 20 };
        Assert.Equal((double)(1 << 21) * (1 << 20) / DramStreamClosedForm.RowCycles(huge) * DramStreamClosedForm.RefreshEfficiency(huge), DramStreamClosedForm.SequentialBytesPerCycle(huge), 0);
        Assert.True(DramStreamClosedForm.SequentialBytesPerCycle(huge) > 0);
    }

    [Fact]
    public void NeuPIMs_sequential_reads_lose_only_refresh_and_random_reads_are_activation_bound()
    {
        var spec = DramPresets.NeuPimsHbm2;
        // Row hits at one burst per 2 cycles = 32 B/cycle per channel = peak; refresh stalls ≈ (tRTP + tRP + tRFC + tRCD) / tREFI
        // = 293/3900 = 7.5%.
        Assert.Equal(1024 * (1 - (293.0 / 3900)), DramStreamClosedForm.SequentialBytesPerCycle(spec), 6);
        var seq = DramBandwidth.SequentialBytesPerCycle(spec);
        Assert.InRange(seq / spec.PeakBytesPerCycle, 0.91, 0.93);
        // Random 64 B reads: every one a row conflict; at most 4 ACTs per tFAW per rank = 2 × 4/30 requests per cycle per channel.
        var random = DramBandwidth.RandomBytesPerCycle(spec);
        var fawBound = spec.Channels * spec.Ranks * 4.0 / 30 * 64;
        Assert.True(random < fawBound, $"{random} vs {fawBound}");
        Assert.InRange(random / spec.PeakBytesPerCycle, 0.2, 0.5);
    }

    [Fact]
    public void Sequential_cycles_are_latency_plus_bytes_at_the_steady_rate()
    {
        var spec = DramPresets.NeuPimsHbm2;
        Assert.Equal(0, DramBandwidth.SequentialCycles(spec, 0));
        var rate = DramBandwidth.SequentialBytesPerCycle(spec);
        Assert.Equal(28 + (long)Math.Ceiling((1L << 30) / rate), DramBandwidth.SequentialCycles(spec, 1L << 30));
        Assert.Equal(new DramStreamEstimate(1L << 30, DramBandwidth.SequentialCycles(spec, 1L << 30), rate, 14 + 14), DramBandwidth.Sequential(spec, 1L << 30));
    }

    [Fact]
    public void Random_transfers_pay_a_row_conflict_then_the_random_rate()
    {
        var spec = DramPresets.NeuPimsHbm2;
        var rate = DramBandwidth.RandomBytesPerCycle(spec);
        var r = DramBandwidth.Random(spec, 1 << 20);
        Assert.Equal((rate, 14L + 14 + 14), (r.BytesPerCycle, r.LatencyCycles)); // tRP + tRCD + CL
        Assert.Equal(42 + (long)Math.Ceiling((1 << 20) / rate), r.Cycles);
        Assert.True(r.Cycles > DramBandwidth.Sequential(spec, 1 << 20).Cycles);
        Assert.Equal(0, DramBandwidth.Random(spec, 0).Cycles);
    }

    [Fact]
    public void Random_request_size_must_be_whole_bursts_within_a_row()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DramBandwidth.RandomBytesPerCycle(DramPresets.NeuPimsHbm2, 96));
        Assert.Throws<ArgumentOutOfRangeException>(() => DramBandwidth.RandomBytesPerCycle(DramPresets.NeuPimsHbm2, 2048));
    }
}
