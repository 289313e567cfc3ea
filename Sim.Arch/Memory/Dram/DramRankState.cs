namespace Sim.Arch.Memory.Dram;

/// <summary>Per-rank state: activation history for tRRD/tFAW, column history for tCCD/tWTR, refresh.</summary>
internal sealed class DramRankState
{
    public DramRankState(int bankGroups, int banksPerGroup, bool dualRowBuffer)
    {
        Banks = new DramBankState[bankGroups * banksPerGroup];
        for (var i = 0; i < Banks.Length; i++)
            Banks[i] = new DramBankState(dualRowBuffer);
        LastActivateInGroup = Filled(bankGroups);
        LastPimActivateInGroup = Filled(bankGroups);
        LastColumnInGroup = Filled(bankGroups);
        LastWriteDataEndInGroup = Filled(bankGroups);
    }

    /// <summary>Banks of the rank, indexed bankGroup · BanksPerGroup + bank.</summary>
    public DramBankState[] Banks { get; }

    /// <summary>Issue times of the last (up to four) ACT-equivalents, oldest first: the tFAW window.</summary>
    public List<long> FawWindow { get; } = [];

    public long LastActivate { get; set; } = DramTimeline.Never;

    /// <summary>Host ACTs only; G_ACTs are tracked apart because G_ACT → G_ACT is exempt from tRRD.</summary>
    public long[] LastActivateInGroup { get; }

    public long LastPimActivate { get; set; } = DramTimeline.Never;

    public long[] LastPimActivateInGroup { get; }

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
