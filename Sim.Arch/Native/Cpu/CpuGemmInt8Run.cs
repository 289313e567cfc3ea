using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Prepared int8 GEMM C[M,N] = A[M,K]·B[K,N] with exact int32 results. Vector512: B is packed once per run into
/// 32-column panels of interleaved int16 depth pairs, each thread packs its own rows of A into 8-row panels of int16
/// pairs and runs <see cref="Int8MicroKernels.Kernel8x32"/> over the whole depth (no K blocking: a 32-column panel of
/// B is K·128 B, 128 KiB at K = 1024, which fits L2). Otherwise a portable row-axpy loop. Integer sums are exact, so
/// every path and thread count gives the same bits.
/// </summary>
public sealed unsafe class CpuGemmInt8Run : INativeRun<int[]>
{
    private readonly sbyte[] _a;
    private readonly sbyte[] _b;
    private readonly int[] _c;
    private readonly short[] _packedB;
    private readonly int[] _packedA;
    private readonly int[][] _tiles;
    private readonly int _m, _n, _k, _threads;
    private readonly CpuIsa _isa;

    public CpuGemmInt8Run(sbyte[] a, sbyte[] b, int m, int n, int k, CpuIsa isa, int threads)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (m <= 0 || n <= 0 || k <= 0)
            throw new ArgumentException($"GEMM dims must be positive (M={m} N={n} K={k})");
        if (a.Length != (long)m * k || b.Length != (long)k * n)
            throw new ArgumentException($"A has {a.Length} elements (expected M·K = {(long)m * k}), B {b.Length} (expected K·N = {(long)k * n})");
        if (k > 1 << 17)
            throw new ArgumentException($"K = {k} exceeds 2^17: int32 accumulation of int8 products could overflow", nameof(k));
        if (isa > CpuIsaPaths.Best)
            throw new ArgumentException($"{isa} is not accelerated on this machine (best: {CpuIsaPaths.Best})", nameof(isa));
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        // Only the 512-bit path has a packed kernel; Vector256 falls back to the portable loop (which the JIT vectorises poorly, but exactly).
        (_a, _b, _m, _n, _k, _isa, _threads) = (a, b, m, n, k, isa == CpuIsa.Vector512 ? CpuIsa.Vector512 : CpuIsa.Scalar, threads);
        _c = GC.AllocateUninitializedArray<int>(checked(m * n), pinned: true);
        var pairs = (k + 1) / 2;
        var panelsN = (n + Int8MicroKernels.TileN - 1) / Int8MicroKernels.TileN;
        var panelsM = (m + Int8MicroKernels.TileM - 1) / Int8MicroKernels.TileM;
        _packedB = _isa == CpuIsa.Vector512 ? GC.AllocateUninitializedArray<short>(checked(panelsN * pairs * 64), pinned: true) : [];
        _packedA = _isa == CpuIsa.Vector512 ? GC.AllocateUninitializedArray<int>(checked(panelsM * pairs * Int8MicroKernels.TileM), pinned: true) : [];
        _tiles = [.. Enumerable.Range(0, threads).Select(_ => GC.AllocateUninitializedArray<int>(Int8MicroKernels.TileM * Int8MicroKernels.TileN, pinned: true))];
    }

    /// <summary>The path actually used (Vector256 requests run the portable loop).</summary>
    public CpuIsa Isa => _isa;

    public void Run()
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        if (_isa == CpuIsa.Vector512)
        {
            Parallel.For(0, _threads, options, PackB);
            Parallel.For(0, _threads, options, MultiplyPacked);
        }
        else
        {
            Parallel.For(0, _threads, options, MultiplyPortable);
        }
    }

    public int[] Result() => (int[])_c.Clone();

    public void Dispose()
    {
        // Managed buffers only.
    }

    private static T* Address<T>(T[] pinned)
        where T : unmanaged => (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    private void PackB(int thread)
    {
        const int Nr = Int8MicroKernels.TileN;
        var pairs = (_k + 1) / 2;
        var panels = (_n + Nr - 1) / Nr;
        var packed = Address(_packedB);
        for (var panel = thread; panel < panels; panel += _threads)
        {
            var dst = packed + (long)panel * pairs * 64;
            var j0 = panel * Nr;
            for (var p = 0; p < pairs; p++)
            {
                for (var c = 0; c < Nr; c++)
                {
                    var j = j0 + c;
                    var inside = j < _n;
                    dst[p * 64 + 2 * c] = inside ? _b[(2 * p * _n) + j] : (short)0;
                    dst[p * 64 + 2 * c + 1] = inside && 2 * p + 1 < _k ? _b[((2 * p + 1) * _n) + j] : (short)0;
                }
            }
        }
    }

    private void MultiplyPacked(int thread)
    {
        const int Mr = Int8MicroKernels.TileM;
        const int Nr = Int8MicroKernels.TileN;
        var (rowStart, rowEnd) = SgemmBlocking.ThreadRows(_m, Mr, _threads, thread);
        var pairs = (_k + 1) / 2;
        var panelsN = (_n + Nr - 1) / Nr;
        var packedA = Address(_packedA);
        var packedB = Address(_packedB);
        var tile = Address(_tiles[thread]);
        var c = Address(_c);
        for (var i0 = rowStart; i0 < rowEnd; i0 += Mr)
        {
            var aPanel = packedA + (long)(i0 / Mr) * pairs * Mr;
            var rows = Math.Min(Mr, _m - i0);
            for (var p = 0; p < pairs; p++)
            {
                for (var r = 0; r < Mr; r++)
                {
                    var lo = r < rows ? _a[((i0 + r) * _k) + 2 * p] : 0;
                    var hi = r < rows && 2 * p + 1 < _k ? _a[((i0 + r) * _k) + 2 * p + 1] : 0;
                    aPanel[p * Mr + r] = (ushort)(short)lo | (hi << 16);
                }
            }

            for (var panel = 0; panel < panelsN; panel++)
            {
                Int8MicroKernels.Kernel8x32(pairs, aPanel, packedB + (long)panel * pairs * 64, tile);
                var cols = Math.Min(Nr, _n - panel * Nr);
                for (var r = 0; r < rows; r++)
                    new ReadOnlySpan<int>(tile + r * Nr, cols).CopyTo(new Span<int>(c + (long)(i0 + r) * _n + panel * Nr, cols));
            }
        }
    }

    /// <summary>Portable path: C[i,:] += A[i,p]·B[p,:] row by row (contiguous inner loop).</summary>
    private void MultiplyPortable(int thread)
    {
        var (rowStart, rowEnd) = SgemmBlocking.ThreadRows(_m, 1, _threads, thread);
        for (var i = rowStart; i < rowEnd; i++)
        {
            var row = new Span<int>(Address(_c) + (long)i * _n, _n);
            row.Clear();
            for (var p = 0; p < _k; p++)
            {
                int a = _a[(i * _k) + p];
                if (a == 0)
                    continue;
                var bRow = _b.AsSpan(p * _n, _n);
                for (var j = 0; j < _n; j++)
                    row[j] += a * bRow[j];
            }
        }
    }
}
