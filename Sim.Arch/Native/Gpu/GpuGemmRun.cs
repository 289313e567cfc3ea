using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// A prepared GEMM on an accelerator: A and B are copied to device memory once; <see cref="Run"/> launches the tiled
/// kernel and waits for it; <see cref="Result"/> copies Z back. Empty problems (M or N = 0) launch nothing. K above
/// <c>maxK</c> (the int8 kernel's int32 limit) and outputs too large for a CUDA grid are rejected here, before upload.
/// </summary>
internal sealed class GpuGemmRun<TIn, TOut> : INativeRun<TOut[]>
    where TIn : unmanaged
    where TOut : unmanaged
{
    private readonly Accelerator _accelerator;
    private readonly Action<KernelConfig, ArrayView<TIn>, ArrayView<TIn>, ArrayView<TOut>, int, int, int> _kernel;
    private readonly MemoryBuffer1D<TIn, Stride1D.Dense> _a;
    private readonly MemoryBuffer1D<TIn, Stride1D.Dense> _b;
    private readonly MemoryBuffer1D<TOut, Stride1D.Dense> _z;
    private readonly int _m, _n, _k;

    public GpuGemmRun(
        Accelerator accelerator, Action<KernelConfig, ArrayView<TIn>, ArrayView<TIn>, ArrayView<TOut>, int, int, int> kernel,
        TIn[] a, TIn[] b, int m, int n, int k, int maxK = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (a.LongLength != (long)m * k || b.LongLength != (long)k * n)
            throw new ArgumentException($"expected A {(long)m * k} and B {(long)k * n} elements; got {a.LongLength} and {b.LongLength}");
        if (k > maxK)
            throw new ArgumentException($"K = {k} exceeds {maxK}: int32 accumulation of int8 products could overflow", nameof(k));
        _ = GemmGrid.For(m, n); // a grid CUDA cannot launch fails here, before any upload
        (_accelerator, _kernel, _m, _n, _k) = (accelerator, kernel, m, n, k);
        _a = GpuBuffers.Upload(accelerator, a);
        _b = GpuBuffers.Upload(accelerator, b);
        _z = accelerator.Allocate1D<TOut>(Math.Max(1, (long)m * n));
    }

    public void Run()
    {
        if (_m == 0 || _n == 0)
            return;
        _kernel(GemmF32Kernel.Config(_m, _n), _a.View, _b.View, _z.View, _m, _n, _k);
        _accelerator.Synchronize();
    }

    public TOut[] Result() => _m == 0 || _n == 0 ? [] : _z.GetAsArray1D();

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _z.Dispose();
    }
}
