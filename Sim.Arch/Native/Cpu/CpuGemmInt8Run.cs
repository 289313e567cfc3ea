using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Prepared int8 GEMM C[M,N] = A[M,K]·B[K,N] with exact int32 results. Vector paths: B is packed once per run into
/// NR-column panels of interleaved int16 depth pairs, each thread packs its own rows of A into MR-row panels of int16
/// pairs and runs the MR×NR micro-kernel (Vector512 8×32, Vector256 6×16) over the whole depth (no K blocking: a
/// 32-column panel of B is K·128 B, 128 KiB at K = 1024, which fits L2). Scalar: a portable row-axpy loop. Integer sums are exact, so
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
    private readonly int _mr, _nr;

    /// <summary>
    /// The largest exact K: ⌊(2³¹ − 1)/128²⌋ = 2¹⁷ − 1. At K = 2¹⁷ all-(−128) operands sum to 2³¹, one past int.MaxValue.
    /// </summary>
    public const int MaxK = (1 << 17) - 1;

    public CpuGemmInt8Run(sbyte[] a, sbyte[] b, int m, int n, int k, CpuIsa isa, int threads)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (m <= 0 || n <= 0 || k <= 0)
            throw new ArgumentException($"GEMM dims must be positive (M={m} N={n} K={k})");
        if (a.Length != (long)m * k || b.Length != (long)k * n)
            throw new ArgumentException($"A has {a.Length} elements (expected M·K = {(long)m * k}), B {b.Length} (expected K·N = {(long)k * n})");
        if (k > MaxK)
            throw new ArgumentException($"K = {k} exceeds {MaxK}: int32 accumulation of int8 products could overflow", nameof(k));
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        (_a, _b, _m, _n, _k, _isa, _threads) = (a, b, m, n, k, isa, threads);
        (_mr, _nr) = isa switch { CpuIsa.Vector512 => (8, 32), CpuIsa.Vector256 => (6, 16), _ => (1, 1) };
        _c = GC.AllocateUninitializedArray<int>(checked(m * n), pinned: true);
        var pairs = (k + 1) / 2;
        var panelsN = (n + _nr - 1) / _nr;
        var panelsM = (m + _mr - 1) / _mr;
        var packed = isa != CpuIsa.Scalar;
        _packedB = packed ? GC.AllocateUninitializedArray<short>(checked(panelsN * pairs * 2 * _nr), pinned: true) : [];
        _packedA = packed ? GC.AllocateUninitializedArray<int>(checked(panelsM * pairs * _mr), pinned: true) : [];
        _tiles = [.. Enumerable.Range(0, threads).Select(_ => GC.AllocateUninitializedArray<int>(_mr * _nr, pinned: true))];
    }

    public void Run()
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        if (_isa != CpuIsa.Scalar)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackB(int thread)
    {
        var (nr, width) = (_nr, 2 * _nr);
        var pairs = (_k + 1) / 2;
        var panels = (_n + nr - 1) / nr;
        var packed = Address(_packedB);
        for (var panel = thread; panel < panels; panel += _threads)
        {
            var dst = packed + (long)panel * pairs * width;
            var j0 = panel * nr;
            for (var p = 0; p < pairs; p++)
            {
                for (var c = 0; c < nr; c++)
                {
                    var j = j0 + c;
                    var inside = j < _n;
                    dst[p * width + 2 * c] = inside ? _b[(2 * p * _n) + j] : (short)0;
                    dst[p * width + 2 * c + 1] = inside && 2 * p + 1 < _k ? _b[((2 * p + 1) * _n) + j] : (short)0;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyPacked(int thread)
    {
        var (mr, nr) = (_mr, _nr);
        var (rowStart, rowEnd) = SgemmBlocking.ThreadRows(_m, mr, _threads, thread);
        var pairs = (_k + 1) / 2;
        var panelsN = (_n + nr - 1) / nr;
        var packedA = Address(_packedA);
        var packedB = Address(_packedB);
        var tile = Address(_tiles[thread]);
        var c = Address(_c);
        for (var i0 = rowStart; i0 < rowEnd; i0 += mr)
        {
            var aPanel = packedA + (long)(i0 / mr) * pairs * mr;
            var rows = Math.Min(mr, _m - i0);
            for (var p = 0; p < pairs; p++)
            {
                for (var r = 0; r < mr; r++)
                {
                    var lo = r < rows ? _a[((i0 + r) * _k) + 2 * p] : 0;
                    var hi = r < rows && 2 * p + 1 < _k ? _a[((i0 + r) * _k) + 2 * p + 1] : 0;
                    aPanel[p * mr + r] = (ushort)(short)lo | (hi << 16);
                }
            }

            for (var panel = 0; panel < panelsN; panel++)
            {
                var bPanel = packedB + (long)panel * pairs * 2 * nr;
                if (_isa == CpuIsa.Vector512)
                    Int8MicroKernels.Kernel8x32(pairs, aPanel, bPanel, tile);
                else
                    Int8MicroKernels.Kernel6x16(pairs, aPanel, bPanel, tile);
                var cols = Math.Min(nr, _n - panel * nr);
                for (var r = 0; r < rows; r++)
                    new ReadOnlySpan<int>(tile + r * nr, cols).CopyTo(new Span<int>(c + (long)(i0 + r) * _n + panel * nr, cols));
            }
        }
    }

    /// <summary>Portable path: C[i,:] += A[i,p]·B[p,:] row by row (contiguous inner loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
