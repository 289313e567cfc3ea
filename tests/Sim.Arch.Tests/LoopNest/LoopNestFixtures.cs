using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Arch.Tests.LoopNest;

/// <summary>Small hierarchies and mappings whose numbers the tests derive by hand.</summary>
internal static class LoopNestFixtures
{
    public static readonly IReadOnlyList<LoopDim> CanonicalOrder = LoopDims.All;

    /// <summary>A rows×cols systolic-like array: any stationary tensor, no per-tile overhead, 1 fJ per action
    /// (MAC, SRAM byte read/written, DRAM byte) unless given.</summary>
    public static LoopNestHierarchy Array(int rows, int cols, long scratchpadBytes = 1 << 20, double dramBytesPerCycle = double.PositiveInfinity,
        int wordBytes = 1, int partialSumBytes = 4, LoopNestEnergy? energy = null) => new(
        [rows, cols],
        ["rows", "cols"],
        DataSpaces.All,
        1,
        new DataSpaceValues(scratchpadBytes, scratchpadBytes, scratchpadBytes),
        wordBytes,
        partialSumBytes,
        dramBytesPerCycle,
        new DataSpaceValues(0, 0, 0),
        energy ?? new LoopNestEnergy(1, 1, 1, 1));

    public static LoopNestMapping Mapping(DataSpace stationary, DimVector register, DimVector rows, DimVector cols, DimVector scratchpad, DimVector dram,
        IReadOnlyList<LoopDim>? scratchpadOrder = null, IReadOnlyList<LoopDim>? dramOrder = null) =>
        new(stationary, register, [rows, cols], scratchpad, dram, scratchpadOrder ?? CanonicalOrder, dramOrder ?? CanonicalOrder);

    /// <summary>A GEMM factor vector: M → P, N → K, K → C.</summary>
    public static DimVector Gemm(long m = 1, long n = 1, long k = 1) => new(1, n, k, m, 1, 1, 1);
}
