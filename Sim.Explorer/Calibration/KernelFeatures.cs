using Sim.Arch.Calibrated;
using Sim.Arch.Native;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Each kernel's linear timing model: the feature names (what its coefficients are called) and a case's feature
/// vector. GEMM uses the calibrated tile's own features (<see cref="CalibratedFeatures"/>); attention: launch + MACs +
/// scores (each score costs an exp and a max/sum update); SpGEMM: launch + multiplications + nnz(C) + rows + the
/// comparisons of sorting each output row (measured: the cost per output nonzero grows with the row's length).
/// </summary>
public sealed class KernelFeatures(NativeGemmBlocking blocking, Func<CalibrationCase, SpGemmCounts> spGemmCounts)
{
    /// <summary>fp32 operands.</summary>
    public const int WordBytes = 4;

    public static IReadOnlyList<string> Names(NativeKernel kernel) => kernel switch
    {
        NativeKernel.GemmF32 => ["launch_cycles", "cycles_per_critical_mac", "tile_overhead_cycles", "cycles_per_stream_byte", "b_pack_cycles_per_byte"],
        NativeKernel.Attention => ["launch_cycles", "cycles_per_mac", "cycles_per_score"],
        NativeKernel.SpGemm => ["launch_cycles", "cycles_per_multiplication", "cycles_per_output_nnz", "cycles_per_row", "cycles_per_sort_comparison"],
        _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "no calibration model for this kernel"),
    };

    public double[] Of(CalibrationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        switch (c.Kernel)
        {
            case NativeKernel.GemmF32:
                return CalibratedFeatures.Of(c.Gemm!.Value, blocking, WordBytes).Vector();
            case NativeKernel.Attention:
                return [1, c.Attention!.Macs, c.Attention.Scores];
            case NativeKernel.SpGemm:
                var counts = spGemmCounts(c);
                return [1, counts.Multiplications, counts.OutputNnz, counts.Rows, counts.SortComparisons];
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kernel, "no calibration model for this kernel");
        }
    }
}
