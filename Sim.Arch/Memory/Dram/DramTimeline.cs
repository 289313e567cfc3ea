using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>
/// Command-level timing of one DRAM device (every channel; channels are independent). <see cref="Issue"/> places a
/// command at the earliest cycle ≥ notBeforeCycle that every constraint allows, records it and updates the state;
/// <see cref="EarliestIssue"/> answers the same question without recording. Commands of one channel are issued in
/// order: each one takes a later command-bus slot than the previous one (one command per cycle per channel).
/// All times are memory-clock cycles (tCK). An illegal command (a column access to a closed bank, an ACT to a bank
/// with an open row) is a bug in the caller, not user input: <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class DramTimeline
{
    /// <summary>"No such event yet": far enough below zero that adding any timing keeps it below zero.</summary>
    internal const long Never = long.MinValue / 4;

    private readonly DramChannelState[] _channels;
    private readonly DramTimings _t;

    public DramTimeline(DramTimingSpec spec, PimSpec? pim = null, DramTimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Pim = pim;
        Options = options ?? DramTimelineOptions.Default;
        _t = spec.Timings;
        _channels = new DramChannelState[spec.Channels];
        for (var c = 0; c < spec.Channels; c++)
            _channels[c] = new DramChannelState(spec.Ranks, spec.BankGroups, spec.BanksPerGroup, pim?.DualRowBuffer ?? false);
    }

    public DramTimingSpec Spec { get; }

    public PimSpec? Pim { get; }

    public DramTimelineOptions Options { get; }

    /// <summary>Schedules <paramref name="cmd"/> at the earliest legal cycle ≥ <paramref name="notBeforeCycle"/> and records it.</summary>
    public long Issue(DramCommand cmd, long notBeforeCycle)
    {
        var t = EarliestIssue(cmd, notBeforeCycle);
        Apply(cmd, t);
        return t;
    }

    /// <summary>The cycle <see cref="Issue"/> would return, without changing any state.</summary>
    public long EarliestIssue(DramCommand cmd, long notBeforeCycle)
    {
        var ch = Channel(cmd);
        var t = Math.Max(Math.Max(notBeforeCycle, 0), ch.LastCommand + 1);
        return cmd.Kind switch
        {
            DramCommandKind.Activate => EarliestActivate(ch, cmd, t),
            DramCommandKind.Precharge => EarliestPrecharge(cmd, t),
            DramCommandKind.Read or DramCommandKind.Write or DramCommandKind.PimGlobalWrite => EarliestColumn(ch, cmd, t),
            DramCommandKind.Refresh => EarliestRefresh(ch, cmd, t),
            DramCommandKind.PimActivate => EarliestPimActivate(ch, cmd, t),
            DramCommandKind.PimCompute => EarliestPimCompute(ch, cmd, t),
            DramCommandKind.PimReadResult => EarliestPimReadResult(ch, cmd, t),
            DramCommandKind.PimPrecharge => EarliestPimPrecharge(cmd, t),
            _ => throw new InvalidOperationException($"unknown DRAM command kind {cmd.Kind}"),
        };
    }

    /// <summary>The cycle of the channel's last command (<c>-1</c> before the first).</summary>
    public long LastIssueCycle(int channel) => Math.Max(-1, _channels[channel].LastCommand);

    /// <summary>The data bus of <paramref name="channel"/> is free from this cycle on (end of the last burst).</summary>
    public long DataBusFreeCycle(int channel) => _channels[channel].DataBusFree;

    /// <summary>Cycles the channel's data bus carried bursts (reads, writes, PIM results and broadcasts).</summary>
    public long DataBusBusyCycles(int channel) => _channels[channel].DataBusBusyCycles;

    /// <summary>How many commands of <paramref name="kind"/> the channel has issued.</summary>
    public long CommandCount(int channel, DramCommandKind kind) => _channels[channel].CommandCounts[(int)kind];

    /// <summary>The row open in a bank's host row buffer, or null.</summary>
    public int? OpenRow(int channel, int rank, int bankGroup, int bank) =>
        Row(BankOf(channel, rank, bankGroup, bank).Host);

    /// <summary>The row open in a bank's PIM row buffer (the host buffer without a dual row buffer), or null.</summary>
    public int? OpenPimRow(int channel, int rank, int bankGroup, int bank) =>
        Row(BankOf(channel, rank, bankGroup, bank).Pim);

    /// <summary>Cycle at which a read issued at <paramref name="issueCycle"/> has delivered its last byte (CL + burst).</summary>
    public long ReadDataEnd(long issueCycle) => issueCycle + _t.ClCycles + Spec.BurstCycles;

    /// <summary>Cycle at which a write issued at <paramref name="issueCycle"/> has taken its last byte (CWL + burst).</summary>
    public long WriteDataEnd(long issueCycle) => issueCycle + _t.CwlCycles + Spec.BurstCycles;

    private static int? Row(DramRowBuffer b) => b.OpenRow == DramRowBuffer.Closed ? null : b.OpenRow;

    private long EarliestActivate(DramChannelState ch, DramCommand cmd, long t)
    {
        var rank = RankOf(ch, cmd);
        var bank = BankOf(cmd);
        if (bank.Host.OpenRow != DramRowBuffer.Closed)
            throw Illegal(cmd, $"the bank has row {bank.Host.OpenRow} open{(bank.Host.OpenedByPim ? " (by a PIM activate: with a single row buffer the PIM row is the bank's row)" : "")}; precharge it first");
        t = Math.Max(t, bank.Host.NextActivate);
        if (!ReferenceEquals(bank.Pim, bank.Host))
            t = Math.Max(t, bank.Pim.LastActivate + _t.TrrdLCycles); // dual row buffer: PIM-ACT→ACT same bank is tRRD_L, not tRC
        // tRRD against host ACTs and G_ACTs alike (a G_ACT is an ACT to the rank).
        t = Math.Max(t, Math.Max(rank.LastActivate, rank.LastPimActivate) + _t.TrrdSCycles);
        t = Math.Max(t, Math.Max(rank.LastActivateInGroup[cmd.BankGroup], rank.LastPimActivateInGroup[cmd.BankGroup]) + _t.TrrdLCycles);
        t = Math.Max(t, rank.RefreshEnd);
        return Math.Max(t, FawEarliest(rank.FawWindow, 1));
    }

    private long EarliestPrecharge(DramCommand cmd, long t)
    {
        var bank = BankOf(cmd);
        if (bank.Host.OpenRow == DramRowBuffer.Closed)
            throw Illegal(cmd, "the bank has no open row");
        return Math.Max(t, bank.Host.NextPrecharge);
    }

    private long EarliestColumn(DramChannelState ch, DramCommand cmd, long t)
    {
        if (cmd.Kind == DramCommandKind.PimGlobalWrite)
            RequirePim(cmd);
        var rank = RankOf(ch, cmd);
        var bank = BankOf(cmd);
        if (bank.Host.OpenRow == DramRowBuffer.Closed)
            throw Illegal(cmd, "the bank is closed; activate the row first");
        if (bank.Host.OpenRow != cmd.Row)
            throw Illegal(cmd, $"the bank has row {bank.Host.OpenRow} open, not row {cmd.Row}; precharge and activate first");
        t = Math.Max(t, bank.Host.NextColumn);
        t = Math.Max(t, rank.LastColumn + _t.TccdSCycles);
        t = Math.Max(t, rank.LastColumnInGroup[cmd.BankGroup] + _t.TccdLCycles);
        t = Math.Max(t, ch.ColumnBlockedUntil);
        if (ch.LastColumnRank != cmd.Rank)
            t = Math.Max(t, ch.LastColumn + Spec.TccdRCycles); // rank-to-rank switch on the shared bus
        var isWrite = cmd.Kind == DramCommandKind.Write;
        if (!isWrite)
        {
            t = Math.Max(t, rank.LastWriteDataEnd + _t.TwtrSCycles);
            t = Math.Max(t, rank.LastWriteDataEndInGroup[cmd.BankGroup] + _t.TwtrLCycles);
        }

        // The burst must find the data bus free when its data arrives (CL after a read, CWL after a write).
        var latency = isWrite ? _t.CwlCycles : _t.ClCycles;
        return Math.Max(t, ch.DataBusFree - latency);
    }

    private static long EarliestRefresh(DramChannelState ch, DramCommand cmd, long t)
    {
        var rank = RankOf(ch, cmd);
        foreach (var bank in rank.Banks)
        {
            if (bank.Host.OpenRow != DramRowBuffer.Closed || bank.Pim.OpenRow != DramRowBuffer.Closed)
                throw Illegal(cmd, "every bank of the rank must be precharged before a refresh (host and PIM rows)");
            t = Math.Max(t, Math.Max(bank.Host.NextActivate, bank.Pim.NextActivate));
        }

        return Math.Max(t, rank.RefreshEnd);
    }

    private long EarliestPimActivate(DramChannelState ch, DramCommand cmd, long t)
    {
        var pim = RequirePim(cmd);
        var rank = RankOf(ch, cmd);
        // tRRD against the rank's host ACTs. G_ACT → G_ACT is exempt: NeuPIMs' estimator spaces them by tFAW only.
        t = Math.Max(t, rank.LastActivate + _t.TrrdSCycles);
        foreach (var group in PimGroups(cmd, pim))
            t = Math.Max(t, rank.LastActivateInGroup[group] + _t.TrrdLCycles);
        foreach (var bank in PimBanks(rank, cmd, pim))
        {
            if (bank.Pim.OpenRow != DramRowBuffer.Closed)
                throw Illegal(cmd, $"a covered bank has row {bank.Pim.OpenRow} open in its {(pim.DualRowBuffer ? "PIM row buffer" : "row buffer (single row buffer: the PIM row is the bank's row)")}; precharge it first");
            t = Math.Max(t, bank.Pim.NextActivate);
            if (!ReferenceEquals(bank.Pim, bank.Host))
                t = Math.Max(t, bank.Host.LastActivate + _t.TrrdLCycles);
        }

        t = Math.Max(t, rank.RefreshEnd);
        t = Math.Max(t, FawEarliest(rank.FawWindow, pim.ActWeightInFaw));
        if (Options.PimFawPerChannel)
            t = Math.Max(t, FawEarliest(ch.PimFawWindow, pim.ActWeightInFaw));
        return t;
    }

    private long EarliestPimCompute(DramChannelState ch, DramCommand cmd, long t)
    {
        var pim = RequirePim(cmd);
        var open = 0;
        foreach (var rank in ch.Ranks)
        {
            foreach (var bank in rank.Banks)
            {
                if (!IsPimRow(bank))
                    continue;
                open++;
                t = Math.Max(t, bank.Pim.NextColumn);
            }
        }

        if (open == 0)
            throw Illegal(cmd, "no bank of the channel has a PIM row open; issue a PIM activate first");
        t = Math.Max(t, ch.ColumnBlockedUntil); // the global buffer is being written by a GWRITE until then
        return Math.Max(t, ch.LastPimCompute + pim.CompCycles);
    }

    private long EarliestPimReadResult(DramChannelState ch, DramCommand cmd, long t)
    {
        var pim = RequirePim(cmd);
        if (ch.LastPimCompute == Never)
            throw Illegal(cmd, "no PIM compute has been issued on the channel, so there is no result to read");
        t = Math.Max(t, ch.LastPimCompute + pim.CompCycles);
        t = Math.Max(t, ch.LastPimReadResult + pim.ReadoutCyclesPerResult);
        return Math.Max(t, ch.DataBusFree - _t.ClCycles);
    }

    private long EarliestPimPrecharge(DramCommand cmd, long t)
    {
        var pim = RequirePim(cmd);
        var rank = RankOf(Channel(cmd), cmd);
        foreach (var bank in PimBanks(rank, cmd, pim))
        {
            if (bank.Pim.OpenRow == DramRowBuffer.Closed)
                throw Illegal(cmd, "a covered bank has no open PIM row");
            t = Math.Max(t, bank.Pim.NextPrecharge);
        }

        return t;
    }

    private void Apply(DramCommand cmd, long t)
    {
        var ch = Channel(cmd);
        ch.LastCommand = t;
        ch.CommandCounts[(int)cmd.Kind]++;
        switch (cmd.Kind)
        {
            case DramCommandKind.Activate:
                ApplyActivate(ch, cmd, t);
                break;
            case DramCommandKind.Precharge:
                Close(BankOf(cmd).Host, t);
                break;
            case DramCommandKind.Read:
            case DramCommandKind.Write:
            case DramCommandKind.PimGlobalWrite:
                ApplyColumn(ch, cmd, t);
                break;
            case DramCommandKind.Refresh:
                ApplyRefresh(RankOf(ch, cmd), t);
                break;
            case DramCommandKind.PimActivate:
                ApplyPimActivate(ch, cmd, t);
                break;
            case DramCommandKind.PimCompute:
                ApplyPimCompute(ch, t);
                break;
            case DramCommandKind.PimReadResult:
                ch.LastPimReadResult = t;
                Occupy(ch, t + _t.ClCycles, Spec.BurstCycles);
                break;
            case DramCommandKind.PimPrecharge:
                foreach (var bank in PimBanks(RankOf(ch, cmd), cmd, Pim!))
                    Close(bank.Pim, t);
                break;
            default:
                throw new InvalidOperationException($"unknown DRAM command kind {cmd.Kind}");
        }
    }

    private void ApplyActivate(DramChannelState ch, DramCommand cmd, long t)
    {
        var rank = RankOf(ch, cmd);
        Open(BankOf(cmd).Host, cmd.Row, t, byPim: false);
        rank.LastActivate = t;
        rank.LastActivateInGroup[cmd.BankGroup] = t;
        Push(rank.FawWindow, t, 1);
    }

    private void ApplyRefresh(DramRankState rank, long t)
    {
        rank.RefreshEnd = t + _t.TrfcCycles;
        foreach (var bank in rank.Banks)
        {
            bank.Host.NextActivate = Math.Max(bank.Host.NextActivate, rank.RefreshEnd);
            bank.Pim.NextActivate = Math.Max(bank.Pim.NextActivate, rank.RefreshEnd);
        }
    }

    private void ApplyPimActivate(DramChannelState ch, DramCommand cmd, long t)
    {
        var pim = Pim!;
        var rank = RankOf(ch, cmd);
        foreach (var bank in PimBanks(rank, cmd, pim))
            Open(bank.Pim, cmd.Row, t, byPim: true);
        rank.LastPimActivate = t;
        foreach (var group in PimGroups(cmd, pim))
            rank.LastPimActivateInGroup[group] = t;
        Push(rank.FawWindow, t, pim.ActWeightInFaw);
        if (Options.PimFawPerChannel)
            Push(ch.PimFawWindow, t, pim.ActWeightInFaw);
    }

    private void ApplyPimCompute(DramChannelState ch, long t)
    {
        ch.LastPimCompute = t;
        // Dual row buffer: a PIM op never delays the precharge (timing.cc); single: it is a column read (tRTP).
        var recovery = Pim!.DualRowBuffer ? 0 : _t.TrtpCycles;
        foreach (var rank in ch.Ranks)
        {
            foreach (var bank in rank.Banks.Where(IsPimRow))
                bank.Pim.NextPrecharge = Math.Max(bank.Pim.NextPrecharge, t + recovery);
        }
    }

    private void ApplyColumn(DramChannelState ch, DramCommand cmd, long t)
    {
        var rank = RankOf(ch, cmd);
        var bank = BankOf(cmd).Host;
        rank.LastColumn = t;
        rank.LastColumnInGroup[cmd.BankGroup] = t;
        ch.LastColumn = t;
        ch.LastColumnRank = cmd.Rank;
        if (cmd.Kind == DramCommandKind.Write)
        {
            var dataEnd = WriteDataEnd(t);
            rank.LastWriteDataEnd = dataEnd;
            rank.LastWriteDataEndInGroup[cmd.BankGroup] = dataEnd;
            bank.NextPrecharge = Math.Max(bank.NextPrecharge, dataEnd + _t.TwrCycles);
            Occupy(ch, t + _t.CwlCycles, Spec.BurstCycles);
        }
        else if (cmd.Kind == DramCommandKind.Read)
        {
            bank.NextPrecharge = Math.Max(bank.NextPrecharge, t + _t.TrtpCycles);
            Occupy(ch, t + _t.ClCycles, Spec.BurstCycles);
        }
        else
        {
            // GWRITE: the row streams into the global buffer as back-to-back internal reads of the whole buffer.
            var cycles = Pim!.BroadcastCyclesPerBuffer;
            ch.ColumnBlockedUntil = t + cycles;
            bank.NextPrecharge = Math.Max(bank.NextPrecharge, t + cycles + _t.TrtpCycles);
            Occupy(ch, t + _t.ClCycles, cycles);
        }
    }

    private void Open(DramRowBuffer buffer, int row, long t, bool byPim)
    {
        buffer.OpenRow = row;
        buffer.OpenedByPim = byPim;
        buffer.LastActivate = t;
        buffer.NextColumn = t + _t.TrcdCycles;
        buffer.NextPrecharge = Math.Max(buffer.NextPrecharge, t + _t.TrasCycles);
        buffer.NextActivate = Math.Max(buffer.NextActivate, t + _t.TrcCycles);
    }

    private void Close(DramRowBuffer buffer, long t)
    {
        buffer.OpenRow = DramRowBuffer.Closed;
        buffer.OpenedByPim = false;
        buffer.NextActivate = Math.Max(buffer.NextActivate, t + _t.TrpCycles);
    }

    private static void Occupy(DramChannelState ch, long start, long cycles)
    {
        ch.DataBusFree = start + cycles;
        ch.DataBusBusyCycles += cycles;
    }

    /// <summary>tFAW: at most four ACT-equivalents in any window of tFAW cycles, so a command of weight w must wait
    /// until the (4 − w + 1)-th most recent one is tFAW old.</summary>
    private long FawEarliest(List<long> window, int weight)
    {
        var keep = 4 - Math.Min(weight, 4);
        return window.Count > keep ? window[window.Count - keep - 1] + _t.TfawCycles : 0;
    }

    private static void Push(List<long> window, long t, int weight)
    {
        for (var i = 0; i < Math.Min(weight, 4); i++)
            window.Add(t);
        if (window.Count > 4)
            window.RemoveRange(0, window.Count - 4);
    }

    private bool IsPimRow(DramBankState bank) =>
        bank.Pim.OpenRow != DramRowBuffer.Closed && (Pim!.DualRowBuffer || bank.Pim.OpenedByPim);

    /// <summary>The banks a G_ACT / PIM precharge covers: ActBanksPerCommand consecutive banks from (BankGroup, Bank).</summary>
    private IEnumerable<DramBankState> PimBanks(DramRankState rank, DramCommand cmd, PimSpec pim) =>
        rank.Banks.Skip(FirstPimBank(cmd, pim)).Take(pim.ActBanksPerCommand);

    /// <summary>The bank groups the covered banks lie in (tRRD_L applies per group).</summary>
    private IEnumerable<int> PimGroups(DramCommand cmd, PimSpec pim)
    {
        var first = FirstPimBank(cmd, pim);
        return Enumerable.Range(first, pim.ActBanksPerCommand).Select(b => b / Spec.BanksPerGroup).Distinct();
    }

    private int FirstPimBank(DramCommand cmd, PimSpec pim)
    {
        var first = (cmd.BankGroup * Spec.BanksPerGroup) + cmd.Bank;
        if (cmd.BankGroup < 0 || cmd.BankGroup >= Spec.BankGroups || cmd.Bank < 0 || cmd.Bank >= Spec.BanksPerGroup
            || first + pim.ActBanksPerCommand > Spec.BanksPerRank)
            throw Illegal(cmd, $"a PIM command covers {pim.ActBanksPerCommand} banks from bank group {cmd.BankGroup} bank {cmd.Bank}, beyond the rank's {Spec.BanksPerRank} banks");
        return first;
    }

    private PimSpec RequirePim(DramCommand cmd) =>
        Pim ?? throw Illegal(cmd, "the timeline has no PimSpec; construct it with one to issue PIM commands");

    private DramChannelState Channel(DramCommand cmd)
    {
        if (cmd.Channel < 0 || cmd.Channel >= _channels.Length)
            throw Illegal(cmd, $"channel {cmd.Channel} does not exist (the device has {_channels.Length})");
        return _channels[cmd.Channel];
    }

    private static DramRankState RankOf(DramChannelState ch, DramCommand cmd) =>
        cmd.Rank >= 0 && cmd.Rank < ch.Ranks.Length
            ? ch.Ranks[cmd.Rank]
            : throw Illegal(cmd, $"rank {cmd.Rank} does not exist (the channel has {ch.Ranks.Length})");

    private DramBankState BankOf(DramCommand cmd)
    {
        var rank = RankOf(Channel(cmd), cmd);
        if (cmd.BankGroup < 0 || cmd.BankGroup >= Spec.BankGroups || cmd.Bank < 0 || cmd.Bank >= Spec.BanksPerGroup)
            throw Illegal(cmd, $"bank group {cmd.BankGroup} / bank {cmd.Bank} does not exist ({Spec.BankGroups} groups of {Spec.BanksPerGroup})");
        return rank.Banks[(cmd.BankGroup * Spec.BanksPerGroup) + cmd.Bank];
    }

    private DramBankState BankOf(int channel, int rank, int bankGroup, int bank) =>
        BankOf(new DramCommand(DramCommandKind.Read, channel, rank, bankGroup, bank, 0, 0));

    private static InvalidOperationException Illegal(DramCommand cmd, string why) =>
        new($"illegal DRAM command {cmd.Kind} (channel {cmd.Channel}, rank {cmd.Rank}, bank group {cmd.BankGroup}, bank {cmd.Bank}, row {cmd.Row}): {why}");
}
