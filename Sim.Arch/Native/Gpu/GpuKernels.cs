using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// The kernels compiled for one accelerator, each on first use (ILGPU compiles per accelerator; the CPU accelerator
/// takes about a second per kernel, so a target compiles each once and every run reuses it).
/// </summary>
internal sealed class GpuKernels(Accelerator accelerator)
{
    private readonly Lazy<Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>> _gemmF32 =
        new(() => accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int>(GemmF32Kernel.Run));

    private readonly Lazy<Action<KernelConfig, ArrayView<sbyte>, ArrayView<sbyte>, ArrayView<int>, int, int, int>> _gemmInt8 =
        new(() => accelerator.LoadStreamKernel<ArrayView<sbyte>, ArrayView<sbyte>, ArrayView<int>, int, int, int>(GemmInt8Kernel.Run));

    private readonly Lazy<Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AttentionShape>> _attention =
        new(() => accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AttentionShape>(AttentionKernel.Run));

    private readonly Lazy<Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>>> _spGemmSymbolic =
        new(() => accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>>(SpGemmKernel.Symbolic));

    private readonly Lazy<Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        ArrayView<long>, ArrayView<int>, ArrayView<double>>> _spGemmNumeric =
        new(() => accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<int>,
            ArrayView<int>, ArrayView<double>, ArrayView<long>, ArrayView<int>, ArrayView<double>>(SpGemmKernel.Numeric));

    public Accelerator Accelerator => accelerator;

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, int, int> GemmF32 => _gemmF32.Value;

    public Action<KernelConfig, ArrayView<sbyte>, ArrayView<sbyte>, ArrayView<int>, int, int, int> GemmInt8 => _gemmInt8.Value;

    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, AttentionShape> Attention => _attention.Value;

    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<int>> SpGemmSymbolic => _spGemmSymbolic.Value;

    public Action<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<int>, ArrayView<double>,
        ArrayView<long>, ArrayView<int>, ArrayView<double>> SpGemmNumeric => _spGemmNumeric.Value;
}
