using Sim.Core.Workloads;

namespace Sim.Arch.Vector;

/// <summary>
/// What one <see cref="VectorOp"/> costs on an arch's vector unit (<see cref="VectorOpModel"/>). Cycles are tile clock
/// cycles; <see cref="StallCycles"/> is the DRAM-bound excess (total − compute). Traffic in bytes.
/// </summary>
public sealed record VectorOpResult
{
    public required VectorOp Op { get; init; }

    /// <summary>Σ over the op classes of ⌈count / lanes⌉ × cycles per op.</summary>
    public required long ArithmeticCycles { get; init; }

    /// <summary>⌈moved elements / lanes⌉: a copy moves one element per lane per cycle.</summary>
    public required long MoveCycles { get; init; }

    public long ComputeCycles => checked(ArithmeticCycles + MoveCycles);

    /// <summary>⌈DRAM bytes / bandwidth⌉ exactly; 0 with unlimited DRAM.</summary>
    public required long MemoryCycles { get; init; }

    public long TotalCycles => Math.Max(ComputeCycles, MemoryCycles);

    public long StallCycles => TotalCycles - ComputeCycles;

    public required long DramReadInputBytes { get; init; }

    public required long DramReadParameterBytes { get; init; }

    public required long DramWriteBytes { get; init; }

    public long DramBytes => checked(DramReadInputBytes + DramReadParameterBytes + DramWriteBytes);

    /// <summary>Lane-cycles the energy is charged on: each op's cycles (an exp counts its 7), plus one per moved element.</summary>
    public required long LaneCycles { get; init; }

    public required double VectorPj { get; init; }

    public required double SramPj { get; init; }

    public required double DramPj { get; init; }

    public double EnergyPj => VectorPj + SramPj + DramPj;
}
