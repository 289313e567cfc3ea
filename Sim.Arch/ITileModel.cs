using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch;

/// <summary>
/// A stateless cost model of one tile kind: for a GEMM-view op on an arch (whose <see cref="ArchSpec.Tile"/> has this
/// model's <see cref="Kind"/>), returns time, on-chip and off-chip traffic.
/// </summary>
public interface ITileModel
{
    string Kind { get; }

    OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode);
}
