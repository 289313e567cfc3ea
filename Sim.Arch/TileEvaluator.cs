using Sim.Arch.Energy;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch;

/// <summary>One op on one arch: the tile kind's model for time and traffic, then the arch's energy table.</summary>
public static class TileEvaluator
{
    public static OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode) =>
        Evaluate(opName, gemm, arch, mode, CostResolver.Resolve(arch));

    /// <summary>With a table resolved once per arch (a sweep point evaluates many ops on one arch).</summary>
    public static OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode, CostTable costs)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var result = TileModels.For(arch.Tile).Evaluate(opName, gemm, arch, mode);
        return result with { Energy = EnergyModel.Of(result, arch, costs, PartialSumBytes(arch, mode)) };
    }

    /// <summary>Only the systolic array has a SCALE-Sim convention (operand-width partial sums); the others ignore the mode.</summary>
    public static int PartialSumBytes(ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return PartialSumWidth.Bytes(arch, arch.Tile is SystolicSpec ? mode : SimMode.Default);
    }
}
