namespace Sim.Arch.Memory.Dram;

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
