namespace Sim.Arch.Memory.Dram;

/// <summary>
/// The commands the timing model schedules. Host commands address one bank; PIM commands (NeuPIMs/Newton command set,
/// ../shared/research/pim-sparse-attn.md §A.1.3) address a group of banks or the whole channel.
/// </summary>
public enum DramCommandKind
{
    /// <summary>ACT: open <c>Row</c> of one bank.</summary>
    Activate,

    /// <summary>PRE: close one bank's open row.</summary>
    Precharge,

    /// <summary>RD: one burst from <c>Column</c> of the bank's open row.</summary>
    Read,

    /// <summary>WR: one burst into <c>Column</c> of the bank's open row.</summary>
    Write,

    /// <summary>REF: all-bank refresh of one rank (every bank precharged first).</summary>
    Refresh,

    /// <summary>G_ACT: open <c>Row</c> in the PIM row buffer of every bank the command covers (PimSpec.ActBanksPerCommand, starting at <c>BankGroup</c>).</summary>
    PimActivate,

    /// <summary>COMP: every PIM unit of the channel multiplies column <c>Column</c> of its open PIM row by the global buffer.</summary>
    PimCompute,

    /// <summary>READRES: read one accumulated result out over the channel bus.</summary>
    PimReadResult,

    /// <summary>GWRITE: copy row <c>Row</c> of one bank into the channel's global (input-vector) buffer.</summary>
    PimGlobalWrite,

    /// <summary>PIM precharge: close the PIM row of every bank the command covers.</summary>
    PimPrecharge,
}

/// <summary>One DRAM command. Fields a kind does not use are 0.</summary>
public readonly record struct DramCommand(DramCommandKind Kind, int Channel, int Rank, int BankGroup, int Bank, int Row, int Column);
