namespace Sim.Arch.Folding;

/// <summary>Operand elements moved between the scratchpads and a tile's compute units (SCALE-Sim's SRAM counts).</summary>
public readonly record struct SramWords(long IfmapReads, long FilterReads, long OfmapWrites, long OfmapReads);
