using CsCheck;
using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;
using static Sim.Arch.Memory.Dram.DramCommandKind;

namespace Sim.Arch.Tests.Memory.Dram;

public class DramPropertyTests
{
    private static readonly Gen<DramTimingSpec> Preset = Gen.Int[0, DramPresets.All.Count - 1].Select(i => DramPresets.All[i]);

    /// <summary>A preset with random but consistent timings (tRAS ≥ tRCD), so properties are not tuned to three devices.</summary>
    private static readonly Gen<DramTimingSpec> Device =
        Gen.Select(Preset, Gen.Int[4, 40], Gen.Int[0, 30], Gen.Int[4, 80], Gen.Int[1, 8], Gen.Int[0, 4])
            .Select((p, rcd, rasExtra, faw, ccdS, ccdLExtra) => p with
            {
                Timings = p.Timings with
                {
                    TrcdCycles = rcd,
                    TrasCycles = rcd + rasExtra,
                    TfawCycles = faw,
                    TccdSCycles = ccdS,
                    TccdLCycles = ccdS + ccdLExtra,
                },
            });

    [Fact]
    public void Issue_times_are_monotone_per_channel_command_bus_and_match_earliest_issue()
    {
        var op = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 9], Gen.Long[0, 200]);
        Gen.Select(Device, op.List[1, 120]).Sample((spec, ops) =>
        {
            var timeline = new DramTimeline(spec with { Channels = 2, Ranks = 2 });
            var last = new long[] { -1, -1 };
            foreach (var (ch, rank, g, b, row, kind, notBefore) in ops)
            {
                foreach (var cmd in Legal(timeline, ch, rank, g, b, row, kind))
                {
                    var earliest = timeline.EarliestIssue(cmd, notBefore);
                    var t = timeline.Issue(cmd, notBefore);
                    if (t != earliest || t <= last[ch] || t < notBefore)
                        return false;
                    last[ch] = t;
                }
            }

            return true;
        }, iter: 200);
    }

    /// <summary>The commands that make an op legal: refresh (kind 9) precharges the rank first; otherwise open-page access.</summary>
    private static IEnumerable<DramCommand> Legal(DramTimeline t, int ch, int rank, int g, int b, int row, int kind)
    {
        if (kind == 9)
        {
            for (var gg = 0; gg < t.Spec.BankGroups; gg++)
            {
                for (var bb = 0; bb < t.Spec.BanksPerGroup; bb++)
                {
                    if (t.OpenRow(ch, rank, gg, bb) is { } open)
                        yield return new DramCommand(Precharge, ch, rank, gg, bb, open, 0);
                }
            }

            yield return new DramCommand(Refresh, ch, rank, 0, 0, 0, 0);
            yield break;
        }

        var current = t.OpenRow(ch, rank, g, b);
        if (current is { } other && other != row)
            yield return new DramCommand(Precharge, ch, rank, g, b, other, 0);
        if (current != row)
            yield return new DramCommand(Activate, ch, rank, g, b, row, 0);
        yield return new DramCommand(kind < 3 ? Write : Read, ch, rank, g, b, row, 0);
    }

    private static readonly Gen<List<DramRequest>> Requests =
        Gen.Select(Gen.Long[0, (1L << 24) - 1], Gen.Bool).Select((a, w) => new DramRequest(a, w)).List[1, 300];

    [Fact]
    public void Achieved_bandwidth_never_exceeds_peak()
    {
        Gen.Select(Preset, Gen.Int[0, 2], Requests, Gen.Bool).Sample((p, logChannels, requests, reorder) =>
        {
            var spec = p with { Channels = 1 << logChannels };
            var r = DramRequestSimulator.Run(spec, requests, DramControllerOptions.Default with { ReorderData = reorder });
            return r.BytesPerCycle <= spec.PeakBytesPerCycle + 1e-9 && r.ChannelDataBusBusyCycles.Sum() == r.Requests * spec.BurstCycles;
        }, iter: 60);
    }

    [Fact]
    public void Adding_channels_never_slows_a_sequential_stream()
    {
        Gen.Select(Device, Gen.Int[0, 2], Gen.Int[1, 3000], Gen.Long[0, 1L << 20]).Sample((p, logChannels, bursts, start) =>
        {
            var few = p with { Channels = 1 << logChannels };
            var many = p with { Channels = 2 << logChannels };
            var stream = Enumerable.Range(0, bursts).Select(i => new DramRequest((start & ~63L) + (i * 64L), false)).ToList();
            return DramRequestSimulator.Run(many, stream).TotalCycles <= DramRequestSimulator.Run(few, stream).TotalCycles;
        }, iter: 40);
    }

    /// <summary>
    /// Holds with the presets' column timings: a row-hit burst (one per max(BL/2, tCCD_L) under rorabgbachco) is never
    /// slower than a row-miss one. It does not hold for every timing set: with tCCD_L ≫ tFAW/4 a random stream, which
    /// spreads its bursts over bank groups (tCCD_S), beats a sequential one that reads one bank at a time (see docs/dram.md).
    /// </summary>
    [Fact]
    public void Sequential_bandwidth_is_at_least_random_bandwidth()
    {
        var device = Gen.Select(Preset, Gen.Int[4, 40], Gen.Int[0, 30], Gen.Int[4, 80])
            .Select((p, rcd, rasExtra, faw) => p with { Timings = p.Timings with { TrcdCycles = rcd, TrasCycles = rcd + rasExtra, TfawCycles = faw } });
        Gen.Select(device, Gen.Int[1, 4]).Sample((spec, bursts) =>
        {
            var one = spec with { Channels = 1, Timings = spec.Timings with { TrefiCycles = 1000, TrfcCycles = 100 } };
            return DramBandwidth.SequentialBytesPerCycle(one) >= DramBandwidth.RandomBytesPerCycle(one, bursts * one.BurstBytes);
        }, iter: 12);
    }
}
