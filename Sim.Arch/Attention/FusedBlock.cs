namespace Sim.Arch.Attention;

/// <summary>One fused block: <see cref="Rows"/> stacked query rows (Br) by <see cref="Cols"/> keys (Bc).</summary>
public readonly record struct FusedBlock(long Rows, long Cols);
