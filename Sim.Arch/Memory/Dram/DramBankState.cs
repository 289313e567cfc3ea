namespace Sim.Arch.Memory.Dram;

/// <summary>
/// One row buffer of one bank: which row is open and the earliest cycle of each next command to it.
/// A bank has one (host) buffer; with a dual-row-buffer PIM it has a second one for PIM rows.
/// </summary>
internal sealed class DramRowBuffer
{
    public const int Closed = -1;

    public int OpenRow { get; set; } = Closed;

    /// <summary>Single row buffer only: the open row was opened by a PIM activate (reported in errors).</summary>
    public bool OpenedByPim { get; set; }

    public long LastActivate { get; set; } = DramTimeline.Never;

    /// <summary>tRC after the last ACT, tRP after the last PRE (and tRFC after a refresh for the host buffer).</summary>
    public long NextActivate { get; set; }

    /// <summary>tRCD after the ACT.</summary>
    public long NextColumn { get; set; }

    /// <summary>tRAS after the ACT, tRTP after a read, write recovery after a write.</summary>
    public long NextPrecharge { get; set; }

    public DramRowBuffer Clone() => (DramRowBuffer)MemberwiseClone();
}

/// <summary>A bank: its host row buffer and its PIM row buffer (the same object without a dual row buffer).</summary>
internal sealed class DramBankState
{
    public DramBankState(bool dualRowBuffer)
    {
        Host = new DramRowBuffer();
        Pim = dualRowBuffer ? new DramRowBuffer() : Host;
    }

    public DramRowBuffer Host { get; }

    public DramRowBuffer Pim { get; }
}

/// <summary>Per-rank state: activation history for tRRD/tFAW, column history for tCCD/tWTR, refresh.</summary>
internal sealed class DramRankState
{
    public DramRankState(int bankGroups, int banksPerGroup, bool dualRowBuffer)
    {
        Banks = new DramBankState[bankGroups * banksPerGroup];
        for (var i = 0; i < Banks.Length; i++)
            Banks[i] = new DramBankState(dualRowBuffer);
        LastActivateInGroup = Filled(bankGroups);
        LastColumnInGroup = Filled(bankGroups);
        LastWriteDataEndInGroup = Filled(bankGroups);
    }

    /// <summary>Banks of the rank, indexed bankGroup · BanksPerGroup + bank.</summary>
    public DramBankState[] Banks { get; }

    /// <summary>Issue times of the last (up to four) ACT-equivalents, oldest first: the tFAW window.</summary>
    public List<long> FawWindow { get; } = [];

    public long LastActivate { get; set; } = DramTimeline.Never;

    public long[] LastActivateInGroup { get; }

    public long LastColumn { get; set; } = DramTimeline.Never;

    public long[] LastColumnInGroup { get; }

    public long LastWriteDataEnd { get; set; } = DramTimeline.Never;

    public long[] LastWriteDataEndInGroup { get; }

    /// <summary>The rank is refreshing until this cycle: no ACT before it.</summary>
    public long RefreshEnd { get; set; }

    private static long[] Filled(int n)
    {
        var a = new long[n];
        Array.Fill(a, DramTimeline.Never);
        return a;
    }
}

/// <summary>Per-channel state: command bus, data bus, PIM sequencing, counters.</summary>
internal sealed class DramChannelState
{
    public DramChannelState(int ranks, int bankGroups, int banksPerGroup, bool dualRowBuffer)
    {
        Ranks = new DramRankState[ranks];
        for (var i = 0; i < ranks; i++)
            Ranks[i] = new DramRankState(bankGroups, banksPerGroup, dualRowBuffer);
    }

    public DramRankState[] Ranks { get; }

    public long LastCommand { get; set; } = DramTimeline.Never;

    /// <summary>The data bus is free from this cycle on.</summary>
    public long DataBusFree { get; set; }

    public long DataBusBusyCycles { get; set; }

    /// <summary>A global-buffer write streams the row: no other column command until it is done.</summary>
    public long ColumnBlockedUntil { get; set; }

    /// <summary>PIM activates of the whole channel (the NeuPIMs estimator's power window), oldest first.</summary>
    public List<long> PimFawWindow { get; } = [];

    public long LastPimCompute { get; set; } = DramTimeline.Never;

    public long LastPimReadResult { get; set; } = DramTimeline.Never;

    public long[] CommandCounts { get; } = new long[Enum.GetValues<DramCommandKind>().Length];
}
