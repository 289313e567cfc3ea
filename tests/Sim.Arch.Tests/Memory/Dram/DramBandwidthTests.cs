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
