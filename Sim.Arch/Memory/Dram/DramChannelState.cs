namespace Sim.Arch.Memory.Dram;

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

    /// <summary>The channel's last host column command (RD/WR/GWRITE) and its rank, for tCCD_R.</summary>
    public long LastColumn { get; set; } = DramTimeline.Never;

    public int LastColumnRank { get; set; } = -1;

    /// <summary>A global-buffer write streams the row: no other column command until it is done.</summary>
    public long ColumnBlockedUntil { get; set; }

    /// <summary>PIM activates of the whole channel (the NeuPIMs estimator's power window), oldest first.</summary>
    public List<long> PimFawWindow { get; } = [];

    public long LastPimCompute { get; set; } = DramTimeline.Never;

    public long LastPimReadResult { get; set; } = DramTimeline.Never;

    public long[] CommandCounts { get; } = new long[Enum.GetValues<DramCommandKind>().Length];
}
