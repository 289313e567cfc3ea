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
}
