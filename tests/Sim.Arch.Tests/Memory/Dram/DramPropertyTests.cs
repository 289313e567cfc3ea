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

    /// <summary>
    /// Random legal command streams (host accesses, refreshes and PIM commands, two ranks, random tCCD_R) checked pair by pair
    /// by the brute-force <see cref="DramJedecChecker"/>; and every issue is the earliest: one cycle sooner is rejected.
    /// </summary>
    [Fact]
    public void Every_issued_command_log_obeys_every_pair_rule()
    {
        var pims = new[] { PimPresets.NeuPims, PimPresets.Newton, PimPresets.NeuPims with { ActBanksPerCommand = 2 }, PimPresets.Newton with { ActBanksPerCommand = 2 } };
        var device = Gen.Select(Device, Gen.Int[1, 6], Gen.Int[0, 3], Gen.Int[0, 3])
            .Select((p, ccdR, rrdS, wtrExtra) => p with
            {
                Channels = 1,
                Ranks = 2,
                Timings = p.Timings with
                {
                    TccdRCycles = ccdR,
                    TrrdSCycles = 1 + rrdS,
                    TrrdLCycles = 1 + rrdS + 2,
                    TwtrLCycles = p.Timings.TwtrSCycles + wtrExtra,
                },
            });
        var op = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 15], Gen.Long[0, 40]);
        Gen.Select(device, Gen.Int[0, pims.Length - 1], Gen.Bool, op.List[1, 100]).Sample((spec, pimIndex, perChannel, ops) =>
        {
            var pim = pims[pimIndex];
            var options = new DramTimelineOptions(perChannel);
            var timeline = new DramTimeline(spec, pim, options);
            var log = new List<IssuedCommand>();
            foreach (var (rank, g, b, row, kind, notBefore) in ops)
            {
                foreach (var cmd in Commands(timeline, pim, rank, g, b, row, kind))
                {
                    long earliest;
                    try
                    {
                        earliest = timeline.EarliestIssue(cmd, notBefore);
                    }
                    catch (InvalidOperationException)
                    {
                        break; // an illegal PIM command for this state: skip the op
                    }

                    if (timeline.Issue(cmd, notBefore) != earliest)
                        return false;
                    log.Add(new IssuedCommand(cmd, earliest));
                }
            }

            return DramJedecChecker.FirstViolation(spec, pim, options, log) is null;
        }, iter: 150);
    }

    /// <summary>
    /// Kinds 0–9 as <see cref="Legal"/>; 10 G_ACT, 11 COMP, 12 READRES, 13 PIM PRE (may be illegal: skipped), 14 GWRITE,
    /// 15 open a host row without reading it (so an ACT can be followed directly by another ACT or a G_ACT).
    /// </summary>
    private static IEnumerable<DramCommand> Commands(DramTimeline t, PimSpec pim, int rank, int g, int b, int row, int kind)
    {
        var pimBank = pim.ActBanksPerCommand < t.Spec.BanksPerGroup ? b / pim.ActBanksPerCommand * pim.ActBanksPerCommand : 0;
        switch (kind)
        {
            case 10:
                return [new DramCommand(PimActivate, 0, rank, g, pimBank, row, 0)];
            case 11:
                return [new DramCommand(PimCompute, 0, 0, 0, 0, 0, 0)];
            case 12:
                return [new DramCommand(PimReadResult, 0, 0, 0, 0, 0, 0)];
            case 13:
                return [new DramCommand(PimPrecharge, 0, rank, g, pimBank, 0, 0)];
            case 14:
                return Legal(t, 0, rank, g, b, row, 5).SkipLast(1).Append(new DramCommand(PimGlobalWrite, 0, rank, g, b, row, 0));
            case 15:
                return Legal(t, 0, rank, g, b, row, 5).SkipLast(1);
            case 9:
                return ClosePimRows(t, pim, rank).Concat(Legal(t, 0, rank, g, b, row, kind));
            default:
                return Legal(t, 0, rank, g, b, row, kind);
        }
    }

    /// <summary>Before a refresh: close every PIM row of the rank (PIM precharge of each covered set).</summary>
    private static IEnumerable<DramCommand> ClosePimRows(DramTimeline t, PimSpec pim, int rank)
    {
        for (var g = 0; g < t.Spec.BankGroups; g++)
        {
            for (var b = 0; b < t.Spec.BanksPerGroup; b += pim.ActBanksPerCommand)
            {
                if (pim.DualRowBuffer && t.OpenPimRow(0, rank, g, b) is not null)
                    yield return new DramCommand(PimPrecharge, 0, rank, g, b, 0, 0);
            }
        }
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
        Gen.Select(Preset, Gen.Int[0, 2], Requests, Gen.Bool, Gen.Int[1, 2], Gen.Int[1, 5]).Sample((p, logChannels, requests, reorder, ranks, ccdR) =>
        {
            // Two ranks with tCCD_S = tCCD_L = 4 and a short tCCD_R: alternating ranks beats tCCD_S, and the peak counts it.
            var spec = p with
            {
                Channels = 1 << logChannels,
                Ranks = ranks,
                Timings = p.Timings with { TccdSCycles = 4, TccdLCycles = 4, TccdRCycles = ccdR },
            };
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
