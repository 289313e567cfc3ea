using Sim.Core.Hardware;

namespace Sim.Arch.Memory;

/// <summary>
/// Bytes per partial sum. Accumulation is 32-bit (int32 for int8 operands, fp32 for fp16/fp32), so a partial-sum tile
/// that waits in the ofmap scratchpad or spills to DRAM is 4 bytes per element; only the finished output is written at
/// the operand width (requantized). SCALE-Sim counts every ofmap word at the operand width: kept in its mode.
/// </summary>
public static class PartialSumWidth
{
    public const int AccumulatorBytes = 4;

    public static int Bytes(ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return mode == SimMode.ScaleSim ? arch.WordBytes : Math.Max(arch.WordBytes, AccumulatorBytes);
    }
}
