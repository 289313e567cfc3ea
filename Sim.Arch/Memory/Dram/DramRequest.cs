using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>One host access of one burst (<see cref="DramTimingSpec.BurstBytes"/>) at a byte address.</summary>
public readonly record struct DramRequest(long ByteAddress, bool IsWrite);
