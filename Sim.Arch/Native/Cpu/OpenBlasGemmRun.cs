using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Arch.Native.Cpu;

/// <summary>Prepared <c>cblas_sgemm</c>: operands copied into pinned buffers once, so <see cref="Run"/> is the library call alone.</summary>
public sealed unsafe class OpenBlasGemmRun : INativeRun<float[]>
{
    private readonly OpenBlasLibrary _library;
    private readonly float[] _a;
    private readonly float[] _b;
    private readonly float[] _c;
    private readonly int _m, _n, _k;

    public OpenBlasGemmRun(OpenBlasLibrary library, float[] a, float[] b, int m, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (m <= 0 || n <= 0 || k <= 0)
            throw new ArgumentException($"GEMM dims must be positive (M={m} N={n} K={k})");
        if (a.Length != (long)m * k || b.Length != (long)k * n)
            throw new ArgumentException($"A has {a.Length} elements (expected M·K = {(long)m * k}), B {b.Length} (expected K·N = {(long)k * n})");
        (_library, _m, _n, _k) = (library, m, n, k);
        _a = GC.AllocateUninitializedArray<float>(a.Length, pinned: true);
        _b = GC.AllocateUninitializedArray<float>(b.Length, pinned: true);
        _c = GC.AllocateUninitializedArray<float>(checked(m * n), pinned: true);
        a.CopyTo(_a, 0);
        b.CopyTo(_b, 0);
    }

    public void Run() => _library.Sgemm(Address(_a), Address(_b), Address(_c), _m, _n, _k);

    public float[] Result() => (float[])_c.Clone();

    public void Dispose()
    {
        // Managed pinned buffers only.
    }

    private static float* Address(float[] pinned) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
