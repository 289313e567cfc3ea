using Sim.Arch.Memory.Dram;
using Sim.Core.Hardware;
using static Sim.Arch.Memory.Dram.DramCommandKind;

namespace Sim.Arch.Tests.Memory.Dram;

/// <summary>One issued command and its cycle.</summary>
public readonly record struct IssuedCommand(DramCommand Command, long Cycle);

/// <summary>
/// An independent brute-force check of a one-channel command log against every pair rule the timeline claims to enforce:
/// it keeps no state, it looks back over the whole log from each command (O(n²)) and returns the first violation, or
/// null. Rules: one command a cycle; tRCD, tRAS, tRP, tRC per row buffer; tRRD_S/L between ACTs and between ACTs and
/// G_ACTs (G_ACT → G_ACT exempt); at most four ACT-equivalents per rank (and, with PimFawPerChannel, four G_ACT weights
/// per channel) in any tFAW window; tCCD_S/L within a rank, tCCD_R across ranks; no two bursts on the data bus at once;
/// tWTR_S/L; tWR, tRTP (and GWRITE's broadcast + tRTP) before PRE; tRFC; PRE → REF tRP, ACT → REF tRC; G_ACT → COMP
/// tRCD, COMP spacing, COMP after GWRITE's broadcast, READRES after COMP and spaced by the readout.
/// </summary>
public static class DramJedecChecker
{
    public static string? FirstViolation(DramTimingSpec spec, PimSpec? pim, DramTimelineOptions options, IReadOnlyList<IssuedCommand> log)
    {
        var t = spec.Timings;
        var dual = pim?.DualRowBuffer ?? false;
        var burst = spec.BurstCycles;
        for (var j = 0; j < log.Count; j++)
        {
            var (c, tj) = log[j];
            string? Fail(string rule, int i) => $"{rule}: #{i} {log[i].Command.Kind}@{log[i].Cycle} then #{j} {c.Kind}@{tj}";

            if (j > 0 && tj <= log[j - 1].Cycle)
                return Fail("one command per cycle, in order", j - 1);
            for (var i = j - 1; i >= 0; i--)
            {
                var (a, ti) = log[i];
                var gap = tj - ti;
                var sameRank = a.Rank == c.Rank;
                var sharedKeys = Keys(spec, pim, a).Intersect(Keys(spec, pim, c)).ToList();
                var openedSince = sharedKeys.Count > 0 && IsOpener(a.Kind) && !ClosedBetween(spec, pim, log, i, j, sharedKeys);

                // Row-buffer rules between an opener and the commands of that row.
                if (sharedKeys.Count > 0 && IsOpener(a.Kind) && IsOpener(c.Kind) && gap < t.TrcCycles)
                    return Fail("tRC", i);
                if (sharedKeys.Count > 0 && IsCloser(a.Kind) && IsOpener(c.Kind) && !OpenedBetween(spec, pim, log, i, j, sharedKeys) && gap < t.TrpCycles)
                    return Fail("tRP", i);
                if (openedSince && IsCloser(c.Kind) && gap < t.TrasCycles)
                    return Fail("tRAS", i);
                if (openedSince && c.Kind is Read or Write or PimGlobalWrite && gap < t.TrcdCycles)
                    return Fail("tRCD", i);
                if (a.Kind == PimActivate && c.Kind == PimCompute && gap < t.TrcdCycles
                    && !ClosedBetween(spec, pim, log, i, j, [.. Keys(spec, pim, a)]))
                    return Fail("G_ACT → COMP tRCD", i);

                // Activation spacing.
                if (sameRank && IsActivate(a.Kind) && IsActivate(c.Kind) && !(a.Kind == PimActivate && c.Kind == PimActivate))
                {
                    var sameGroup = Groups(spec, pim, a).Intersect(Groups(spec, pim, c)).Any();
                    if (gap < (sameGroup ? t.TrrdLCycles : t.TrrdSCycles))
                        return Fail(sameGroup ? "tRRD_L" : "tRRD_S", i);
                }

                if (sameRank && a.Kind == Refresh && IsActivate(c.Kind) && gap < t.TrfcCycles)
                    return Fail("tRFC", i);
                if (sameRank && c.Kind == Refresh && a.Kind == Refresh && gap < t.TrfcCycles)
                    return Fail("REF → REF tRFC", i);
                if (sameRank && c.Kind == Refresh && IsCloser(a.Kind) && gap < t.TrpCycles)
                    return Fail("PRE → REF tRP", i);
                if (sameRank && c.Kind == Refresh && IsOpener(a.Kind) && gap < t.TrcCycles)
                    return Fail("ACT → REF tRC", i);

                // Column spacing and turnarounds.
                if (IsHostColumn(a.Kind) && IsHostColumn(c.Kind))
                {
                    var need = !sameRank ? spec.TccdRCycles : a.BankGroup == c.BankGroup ? t.TccdLCycles : t.TccdSCycles;
                    if (gap < need)
                        return Fail(!sameRank ? "tCCD_R" : a.BankGroup == c.BankGroup ? "tCCD_L" : "tCCD_S", i);
                }

                if (sameRank && a.Kind == Write && c.Kind is Read or PimGlobalWrite
                    && gap < t.CwlCycles + burst + (a.BankGroup == c.BankGroup ? t.TwtrLCycles : t.TwtrSCycles))
                    return Fail("tWTR", i);
                if (a.Kind == PimGlobalWrite && (IsHostColumn(c.Kind) || c.Kind == PimCompute) && gap < pim!.BroadcastCyclesPerBuffer)
                    return Fail("GWRITE broadcast", i);

                // Recovery before a precharge of the same host row.
                if (IsCloser(c.Kind) && sharedKeys.Count > 0 && !ClosedBetween(spec, pim, log, i, j, sharedKeys) && !OpenedBetween(spec, pim, log, i, j, sharedKeys))
                {
                    var need = a.Kind switch
                    {
                        Read => t.TrtpCycles,
                        Write => t.CwlCycles + burst + t.TwrCycles,
                        PimGlobalWrite => pim!.BroadcastCyclesPerBuffer + t.TrtpCycles,
                        _ => 0,
                    };
                    if (gap < need)
                        return Fail("tRTP / tWR before PRE", i);
                }

                if (!dual && pim is not null && a.Kind == PimCompute && IsCloser(c.Kind) && gap < t.TrtpCycles
                    && Keys(spec, pim, c).Any(k => PimOpenAt(spec, pim, log, i, k)))
                    return Fail("single row buffer COMP → PRE tRTP", i);

                // PIM sequencing.
                if (a.Kind == PimCompute && c.Kind == PimCompute && gap < pim!.CompCycles)
                    return Fail("COMP spacing", i);
                if (a.Kind == PimCompute && c.Kind == PimReadResult && gap < pim!.CompCycles)
                    return Fail("COMP → READRES", i);
                if (a.Kind == PimReadResult && c.Kind == PimReadResult && gap < pim!.ReadoutCyclesPerResult)
                    return Fail("READRES spacing", i);

                // Data bus: no overlap of bursts.
                if (DataBurst(spec, pim, a, ti) is { } da && DataBurst(spec, pim, c, tj) is { } dc && da.Start < dc.End && dc.Start < da.End)
                    return Fail("data bus overlap", i);
            }

            if (IsActivate(c.Kind))
            {
                var weight = Weight(pim, c);
                var inRank = log.Take(j).Where(e => e.Command.Rank == c.Rank && IsActivate(e.Command.Kind) && e.Cycle > tj - t.TfawCycles).Sum(e => Weight(pim, e.Command));
                if (inRank + weight > 4)
                    return $"tFAW (rank): #{j} {c.Kind}@{tj} makes {inRank + weight} ACT-equivalents within {t.TfawCycles}";
                if (c.Kind == PimActivate && options.PimFawPerChannel)
                {
                    var inChannel = log.Take(j).Where(e => e.Command.Kind == PimActivate && e.Cycle > tj - t.TfawCycles).Sum(e => Weight(pim, e.Command));
                    if (inChannel + weight > 4)
                        return $"tFAW (PIM, channel): #{j} G_ACT@{tj}";
                }
            }
        }

        return null;
    }

    private static bool IsActivate(DramCommandKind k) => k is Activate or PimActivate;

    private static bool IsOpener(DramCommandKind k) => k is Activate or PimActivate;

    private static bool IsCloser(DramCommandKind k) => k is Precharge or PimPrecharge;

    private static bool IsHostColumn(DramCommandKind k) => k is Read or Write or PimGlobalWrite;

    private static int Weight(PimSpec? pim, DramCommand c) => c.Kind == PimActivate ? Math.Min(4, pim!.ActWeightInFaw) : 1;

    /// <summary>Row buffers a command opens, closes or uses: (rank, bank index, PIM buffer?) — one buffer per bank without a dual row buffer.</summary>
    private static IEnumerable<(int Rank, int Bank, bool Pim)> Keys(DramTimingSpec spec, PimSpec? pim, DramCommand c)
    {
        var dual = pim?.DualRowBuffer ?? false;
        var first = (c.BankGroup * spec.BanksPerGroup) + c.Bank;
        return c.Kind switch
        {
            Activate or Precharge or Read or Write or PimGlobalWrite => [(c.Rank, first, false)],
            PimActivate or PimPrecharge => Enumerable.Range(first, pim!.ActBanksPerCommand).Select(b => (c.Rank, b, dual)),
            _ => [],
        };
    }

    private static IEnumerable<int> Groups(DramTimingSpec spec, PimSpec? pim, DramCommand c) =>
        Keys(spec, pim, c).Select(k => k.Bank / spec.BanksPerGroup).Distinct();

    private static bool ClosedBetween(DramTimingSpec spec, PimSpec? pim, IReadOnlyList<IssuedCommand> log, int i, int j, List<(int, int, bool)> keys) =>
        Enumerable.Range(i + 1, j - i - 1).Any(m => IsCloser(log[m].Command.Kind) && Keys(spec, pim, log[m].Command).Intersect(keys).Any());

    private static bool OpenedBetween(DramTimingSpec spec, PimSpec? pim, IReadOnlyList<IssuedCommand> log, int i, int j, List<(int, int, bool)> keys) =>
        Enumerable.Range(i + 1, j - i - 1).Any(m => IsOpener(log[m].Command.Kind) && Keys(spec, pim, log[m].Command).Intersect(keys).Any());

    /// <summary>Single row buffer: the bank's row was opened by a G_ACT and is still open at log entry <paramref name="at"/>.</summary>
    private static bool PimOpenAt(DramTimingSpec spec, PimSpec pim, IReadOnlyList<IssuedCommand> log, int at, (int, int, bool) key)
    {
        for (var m = at - 1; m >= 0; m--)
        {
            var cmd = log[m].Command;
            if (!Keys(spec, pim, cmd).Contains(key))
                continue;
            if (IsCloser(cmd.Kind))
                return false;
            if (IsOpener(cmd.Kind))
                return cmd.Kind == PimActivate;
        }

        return false;
    }

    private static (long Start, long End)? DataBurst(DramTimingSpec spec, PimSpec? pim, DramCommand c, long t) => c.Kind switch
    {
        Read or PimReadResult => (t + spec.Timings.ClCycles, t + spec.Timings.ClCycles + spec.BurstCycles),
        Write => (t + spec.Timings.CwlCycles, t + spec.Timings.CwlCycles + spec.BurstCycles),
        PimGlobalWrite => (t + spec.Timings.ClCycles, t + spec.Timings.ClCycles + pim!.BroadcastCyclesPerBuffer),
        _ => null,
    };
}
