using Sim.Arch.Native;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Calibration;

/// <summary>A sparse operand drawn deterministically: <see cref="NnzPerRow"/> distinct random columns per row, from <see cref="Seed"/>.</summary>
public sealed record SparseOperand(int Rows, int Cols, int NnzPerRow, int Seed);

/// <summary>
/// One measured shape of the suite. Exactly one of <see cref="Gemm"/>, <see cref="Attention"/>, <see cref="SpGemmA"/>
/// (with <see cref="SpGemmB"/>) is set, matching <see cref="Kernel"/>. <see cref="HeldOut"/>: not used by the fit,
/// only to report its error.
/// </summary>
public sealed record CalibrationCase(NativeKernel Kernel, string Name, bool HeldOut)
{
    public GemmShape? Gemm { get; init; }

    public AttentionOp? Attention { get; init; }

    public SparseOperand? SpGemmA { get; init; }

    public SparseOperand? SpGemmB { get; init; }

    public string Split => HeldOut ? "held-out" : "fit";

    /// <summary>Multiply-accumulates (SpGEMM: the multiplications), for <see cref="INativeTarget.Supports"/> and throughput.</summary>
    public long Macs(Func<CalibrationCase, SpGemmCounts> spGemmCounts)
    {
        ArgumentNullException.ThrowIfNull(spGemmCounts);
        return Kernel switch
        {
            NativeKernel.GemmF32 or NativeKernel.GemmInt8 => Gemm!.Value.Macs,
            NativeKernel.Attention => Attention!.Macs,
            NativeKernel.SpGemm => spGemmCounts(this).Multiplications,
            _ => throw new ArgumentOutOfRangeException(nameof(spGemmCounts), Kernel, "unknown kernel"),
        };
    }
}
