namespace Sim.Core.Hardware;

/// <summary>
/// The vector (1D) unit beside the tensor engine that runs softmax and the online-softmax rescaling: <see cref="Lanes"/>
/// elementwise ops per cycle of one class, each class taking its cycles per op on every lane.
/// Defaults: 128 lanes with 1-cycle max/add/mul, the NeuPIMs vector unit (see ../shared/research/pim-sparse-attn.md
/// §C.5); exp = 7 cycles, FuseMax's cost of an exponential as 6 MACs + 1 add (FuseMax artifact, src/accel/proposal.py).
/// A reciprocal (once per softmax row) is counted as an exp-class op: a Newton–Raphson reciprocal is a few dependent
/// multiply-adds, like the exp polynomial.
/// <see cref="PjPerOp"/>: energy of one 1-cycle lane op; null means the arch's MAC energy (a lane op is a
/// multiply or add of the same width as a MAC PE's). An exp is charged its cycles' worth (7 ops).
/// </summary>
public sealed record VectorUnitSpec(int Lanes, int MaxCycles, int AddCycles, int MulCycles, int ExpCycles, double? PjPerOp = null)
{
    public static VectorUnitSpec Default { get; } = new(128, 1, 1, 1, 7);
}
