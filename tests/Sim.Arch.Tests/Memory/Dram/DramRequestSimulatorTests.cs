using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Memory.Dram;

public class DramRequestSimulatorTests
{
    /// <summary>NeuPIMs HBM2 with one channel: rorabgbachco puts the row at bit 15 (64 B × 16 columns × 4 banks × 4 groups × 2 ranks).</summary>
    private static readonly DramTimingSpec OneChannel = DramPresets.NeuPimsHbm2 with { Channels = 1 };

    private const long RowStride = 32768;

    private static DramControllerOptions Serial => DramControllerOptions.Default with { LookaheadRequests = 1 };

    [Fact]
    public void Rorabgbachco_decodes_column_then_channel_bank_group_rank_row()
    {
        var spec = DramPresets.NeuPimsHbm2; // 32 channels, 16 columns of 64 B
        var m = DramAddressMapping.RoRaBgBaChCo;
        Assert.Equal(new DramAddress(0, 0, 0, 0, 0, 1), m.Decode(spec, 64 + 5));
        Assert.Equal(new DramAddress(1, 0, 0, 0, 0, 0), m.Decode(spec, 1024));
        Assert.Equal(new DramAddress(0, 0, 0, 1, 0, 0), m.Decode(spec, 1024 * 32));
        Assert.Equal(new DramAddress(0, 0, 1, 0, 0, 0), m.Decode(spec, 1024 * 32 * 4));
        Assert.Equal(new DramAddress(0, 1, 0, 0, 0, 0), m.Decode(spec, 1024 * 32 * 16));
        Assert.Equal(new DramAddress(31, 1, 3, 3, 2, 15), m.Decode(spec, (1024L * 32 * 32 * 3) - 1));
        // Burst-interleaved: consecutive bursts go to consecutive channels, then bank groups.
        var b = DramAddressMapping.RoCoRaBaBgCh;
        Assert.Equal(new DramAddress(1, 0, 0, 0, 0, 0), b.Decode(spec, 64));
        Assert.Equal(new DramAddress(0, 0, 1, 0, 0, 0), b.Decode(spec, 64 * 32));
        Assert.Equal(new DramAddress(0, 0, 0, 0, 0, 1), b.Decode(spec, 64L * 32 * 32));
    }

    [Fact]
    public void A_mapping_must_name_every_field_once_with_the_row_on_top()
    {
        Assert.Throws<ArgumentException>(() => new DramAddressMapping("bad", [DramAddressField.Column, DramAddressField.Row, DramAddressField.Rank, DramAddressField.BankGroup, DramAddressField.Bank, DramAddressField.Channel]));
        Assert.Throws<ArgumentException>(() => new DramAddressMapping("twice", [DramAddressField.Row, DramAddressField.Row, DramAddressField.Rank, DramAddressField.BankGroup, DramAddressField.Bank, DramAddressField.Channel]));
        Assert.Throws<ArgumentException>(() => DramAddressMapping.RoRaBgBaChCo.Decode(DramPresets.NeuPimsHbm2 with { Channels = 3 }, 0));
    }

    [Fact]
    public void Miss_hit_and_conflict_are_classified_and_timed()
    {
        // ACT 0, RD 14 (miss); RD 16 (hit: tCCD_L); PRE max(tRAS 34, 16 + tRTP) = 34, ACT 48, RD 62 (conflict); data ends 62 + 14 + 2.
        var r = DramRequestSimulator.Run(OneChannel, [new(0, false), new(64, false), new(RowStride, false)], Serial);
        Assert.Equal((1, 1, 1, 2), (r.RowMisses, r.RowHits, r.RowConflicts, r.Activates));
        Assert.Equal(78, r.TotalCycles);
        Assert.Equal(3 * 64, r.Bytes);
        Assert.Equal(3 * 2, r.ChannelDataBusBusyCycles[0]);
    }

    [Fact]
    public void Lookahead_activates_the_next_bank_while_the_previous_request_waits()
    {
        // Two misses in banks 0 and 1 of group 0. Serial: ACT 0, RD 14, ACT 15, RD 29, end 29 + 16 = 45.
        // Lookahead 2: ACT 0, ACT 6 (tRRD_L), RD 14, RD 20, end 20 + 16 = 36.
        DramRequest[] two = [new(0, false), new(1024, false)];
        Assert.Equal(45, DramRequestSimulator.Run(OneChannel, two, Serial).TotalCycles);
        Assert.Equal(36, DramRequestSimulator.Run(OneChannel, two, DramControllerOptions.Default).TotalCycles);
    }

    [Fact]
    public void Writes_end_CWL_plus_burst_after_issue()
    {
        // ACT 0, WR 14, data ends 14 + 4 + 2 = 20; the read after it waits tWTR_L: 28, ends 28 + 16 = 44.
        var r = DramRequestSimulator.Run(OneChannel, [new(0, true)], Serial);
        Assert.Equal(20, r.TotalCycles);
        Assert.Equal(44, DramRequestSimulator.Run(OneChannel, [new(0, true), new(64, false)], Serial).TotalCycles);
    }

    [Fact]
    public void Refresh_happens_once_per_tREFI_per_rank_and_costs_about_tRFC()
    {
        var stream = Enumerable.Range(0, 5000).Select(i => new DramRequest(i * 64L, false)).ToList();
        var on = DramRequestSimulator.Run(OneChannel, stream);
        var off = DramRequestSimulator.Run(OneChannel, stream, DramControllerOptions.Default with { Refresh = false });
        Assert.Equal(0, off.Refreshes);
        var intervals = on.TotalCycles / 3900; // 5000 bursts × 2 cycles ≈ 10 000 cycles + refresh: 2 intervals
        Assert.Equal(2, intervals);
        Assert.Equal(intervals * 2, on.Refreshes); // both ranks
        var lost = on.TotalCycles - off.TotalCycles;
        // At least tRFC each; at most tRFC plus the drain of a row activated just before (tRAS, then tRP) and the restart (tRCD),
        // plus a cycle per REF: each rank's next refresh is due tREFI after its REF issued, and the second rank's REF takes
        // the command slot after the first's, so the two ranks' later refreshes can fall a cycle apart.
        Assert.InRange(lost, intervals * 260, (intervals * (260 + 34 + 14 + 14)) + on.Refreshes);
    }

    [Fact]
    public void A_refresh_that_eats_most_of_tREFI_still_lets_the_stream_finish_and_one_that_cannot_fit_is_rejected()
    {
        var samsung = DramPresets.SamsungHbmPim with { Channels = 1 };
        var stream = Enumerable.Range(0, 200).Select(i => new DramRequest(i * 32L, false)).ToList();
        // Refresh costs the stream tRTP 5 + tRP 14 + tRFC 250 + tRCD 14 = 283 of every 300 cycles. With the next REF due
        // tREFI after the previous one was due, each late REF made the next one later still and the controller livelocked
        // (ACT, PRE for the overdue REF, never a read); due tREFI after the REF issued, the stream gets its 17 cycles a round.
        var tight = samsung with { Timings = samsung.Timings with { TrfcCycles = 250, TrefiCycles = 300 } };
        var r = DramRequestSimulator.Run(tight, stream);
        Assert.Equal(200, r.Requests);
        Assert.InRange(r.Refreshes, (r.TotalCycles / 320) - 1, (r.TotalCycles / 300) + 1); // REFs at least tREFI apart
        var hopeless = samsung with { Timings = samsung.Timings with { TrfcCycles = 290, TrefiCycles = 300 } }; // 323 ≥ 300
        Assert.Contains("not less than tREFI 300", Assert.Throws<ArgumentException>(() => DramRequestSimulator.Run(hopeless, stream)).Message, StringComparison.Ordinal);
        Assert.Equal(200, DramRequestSimulator.Run(hopeless, stream, DramControllerOptions.Default with { Refresh = false }).Requests);
    }

    [Fact]
    public void Reordering_data_serves_random_reads_faster_than_in_order()
    {
        var random = new Random(7);
        var stream = Enumerable.Range(0, 3000).Select(_ => new DramRequest(random.NextInt64(1L << 30) & ~63L, false)).ToList();
        var inOrder = DramRequestSimulator.Run(OneChannel, stream);
        var reorder = DramRequestSimulator.Run(OneChannel, stream, DramControllerOptions.Default with { ReorderData = true });
        Assert.Equal(inOrder.Bytes, reorder.Bytes);
        Assert.True(reorder.TotalCycles < inOrder.TotalCycles, $"{reorder.TotalCycles} vs {inOrder.TotalCycles}");
        Assert.Equal(inOrder.Requests, inOrder.RowHits + inOrder.RowMisses + inOrder.RowConflicts);
    }

    [Fact]
    public void An_empty_stream_costs_nothing()
    {
        var r = DramRequestSimulator.Run(DramPresets.NeuPimsHbm2, []);
        Assert.Equal((0L, 0L, 0.0), (r.TotalCycles, r.Bytes, r.BytesPerCycle));
        Assert.Equal(32, r.ChannelEndCycles.Count);
    }
}
