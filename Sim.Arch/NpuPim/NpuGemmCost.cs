using Sim.Core.Workloads;

namespace Sim.Arch.NpuPim;

/// <summary>
/// One GEMM on the NPU: §A.6 eq. 7, t = max(compute, bytes / bandwidth). Bytes: the weights K·N read once, the
/// activations M·K in and M·N out, all at the element width (FP16); compute from <see cref="PipelinedWsTiming"/>.
/// </summary>
public readonly record struct NpuGemmCost(long ComputeCycles, long DramBytes, long MemoryCycles)
{
    public long Cycles => Math.Max(ComputeCycles, MemoryCycles);

    public static NpuGemmCost Of(GemmShape gemm, NpuSpec npu, double dramBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(npu);
        var bytes = checked((gemm.K * gemm.N + gemm.M * gemm.K + gemm.M * gemm.N) * npu.ElementBytes);
        return new(PipelinedWsTiming.GemmCycles(gemm, npu), bytes, MemoryCyclesOf(bytes, dramBytesPerCycle));
    }

    /// <summary>⌈bytes / bandwidth⌉.</summary>
    public static long MemoryCyclesOf(long bytes, double bytesPerCycle)
    {
        if (bytesPerCycle <= 0)
            throw new ArgumentOutOfRangeException(nameof(bytesPerCycle), bytesPerCycle, "DRAM bandwidth must be positive");
        return (long)Math.Ceiling(bytes / bytesPerCycle);
    }
}
