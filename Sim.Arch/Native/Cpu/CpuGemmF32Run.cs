using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Prepared fp32 GEMM C[M,N] = A[M,K]·B[K,N] (row-major), GotoBLAS-style. <see cref="Run"/> packs all of B into
/// NR-column panels per KC depth block (threads split the panels), then each thread walks its own rows of C
/// (<see cref="SgemmBlocking.ThreadRows"/>) in the loop order NC → KC → MC, packing its MC×KC block of A and calling the
/// micro-kernel per MR×NR tile. Every C element is summed by one thread in the same order whatever the thread count,
/// so results are identical across thread counts. Buffers are allocated (pinned) here, once.
/// </summary>
public sealed unsafe class CpuGemmF32Run : INativeRun<float[]>
{
    private readonly float[] _a;
    private readonly float[] _b;
    private readonly float[] _c;
    private readonly float[] _packedB;
    private readonly float[][] _packedA;
    private readonly float[][] _tiles;
    private readonly int _m, _n, _k;
    private readonly CpuIsa _isa;
    private readonly NativeGemmBlocking _blocking;

    /// <param name="blocking">
    /// Cache blocks to use instead of <see cref="SgemmBlocking.For"/> (tests shrink them to cross every block edge on small
    /// matrices). Its tile must be the path's register tile, BlockM a multiple of TileM and BlockN of TileN.
    /// </param>
    public CpuGemmF32Run(float[] a, float[] b, int m, int n, int k, CpuIsa isa, int threads, NativeGemmBlocking? blocking = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (m <= 0 || n <= 0 || k <= 0)
            throw new ArgumentException($"GEMM dims must be positive (M={m} N={n} K={k})");
        if (a.Length != (long)m * k || b.Length != (long)k * n)
            throw new ArgumentException($"A has {a.Length} elements (expected M·K = {(long)m * k}), B {b.Length} (expected K·N = {(long)k * n})");
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        (_a, _b, _m, _n, _k, _isa) = (a, b, m, n, k, isa);
        var standard = SgemmBlocking.For(isa, threads);
        _blocking = blocking ?? standard;
        if (_blocking.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(blocking));
        if (_blocking.TileM != standard.TileM || _blocking.TileN != standard.TileN || _blocking.Units != threads
            || _blocking.BlockM % _blocking.TileM != 0 || _blocking.BlockN % _blocking.TileN != 0)
            throw new ArgumentException($"blocking {_blocking} does not fit the {isa} kernel ({standard.TileM}×{standard.TileN}, {threads} threads)", nameof(blocking));
        var (mr, nr) = (_blocking.TileM, _blocking.TileN);
        var paddedN = (n + nr - 1) / nr * nr;
        _packedB = GC.AllocateUninitializedArray<float>(checked(k * paddedN), pinned: true);
        var kc = Math.Min(_blocking.BlockK, k);
        var mc = Math.Min(_blocking.BlockM, (m + mr - 1) / mr * mr);
        _packedA = [.. Enumerable.Range(0, threads).Select(_ => GC.AllocateUninitializedArray<float>(mc * kc + 64, pinned: true))];
        _tiles = [.. Enumerable.Range(0, threads).Select(_ => GC.AllocateUninitializedArray<float>(mr * nr + 64, pinned: true))];
        _c = GC.AllocateUninitializedArray<float>(checked(m * n), pinned: true);
    }

    public NativeGemmBlocking Blocking => _blocking;

    public void Run()
    {
        var threads = _blocking.Units;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, threads, options, PackB);
        Parallel.For(0, threads, options, Multiply);
    }

    public float[] Result() => (float[])_c.Clone();

    public void Dispose()
    {
        // Managed buffers only; nothing to release early.
    }

    private static float* Address(float[] pinned) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));

    /// <summary>Thread <paramref name="thread"/> packs panels thread, thread + T, … of every depth block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PackB(int thread)
    {
        var (nr, blockK, threads) = (_blocking.TileN, _blocking.BlockK, _blocking.Units);
        var panels = (_n + nr - 1) / nr;
        var packed = Address(_packedB);
        fixed (float* b = _b)
        {
            for (var p0 = 0; p0 < _k; p0 += blockK)
            {
                var kc = Math.Min(blockK, _k - p0);
                var block = packed + (long)p0 * panels * nr;
                for (var panel = thread; panel < panels; panel += threads)
                    SgemmPacking.PackBPanel(b, _n, _n, p0, kc, panel, nr, block + (long)panel * kc * nr);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Multiply(int thread)
    {
        var (mr, nr) = (_blocking.TileM, _blocking.TileN);
        var (rowStart, rowEnd) = SgemmBlocking.ThreadRows(_m, mr, _blocking.Units, thread);
        if (rowStart >= rowEnd)
            return;
        var panels = (_n + nr - 1) / nr;
        var packedB = Address(_packedB);
        var packedA = Address(_packedA[thread]);
        var tile = Address(_tiles[thread]);
        var c = Address(_c);
        fixed (float* a = _a)
        {
            for (var j0 = 0; j0 < _n; j0 += _blocking.BlockN)
            {
                var nc = Math.Min(_blocking.BlockN, _n - j0);
                for (var p0 = 0; p0 < _k; p0 += _blocking.BlockK)
                {
                    var kc = Math.Min(_blocking.BlockK, _k - p0);
                    var bBlock = packedB + (long)p0 * panels * nr;
                    for (var i0 = rowStart; i0 < rowEnd; i0 += _blocking.BlockM)
                    {
                        var mc = Math.Min(_blocking.BlockM, rowEnd - i0);
                        SgemmPacking.PackA(a, _k, i0, mc, p0, kc, mr, packedA);
                        MacroKernel(packedA, bBlock, c, i0, mc, j0, nc, kc, first: p0 == 0, tile);
                    }
                }
            }
        }
    }

    /// <summary>Every MR×NR tile of the MC×NC block: full tiles accumulate in C itself, edge tiles go through the tile buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MacroKernel(float* packedA, float* bBlock, float* c, int i0, int mc, int j0, int nc, int kc, bool first, float* tile)
    {
        var (mr, nr) = (_blocking.TileM, _blocking.TileN);
        for (var jj = 0; jj < nc; jj += nr)
        {
            var panel = (j0 + jj) / nr;
            var bPanel = bBlock + (long)panel * kc * nr;
            var cols = Math.Min(nr, nc - jj);
            for (var ii = 0; ii < mc; ii += mr)
            {
                var aPanel = packedA + (long)(ii / mr) * kc * mr;
                var rows = Math.Min(mr, mc - ii);
                var cTile = c + (long)(i0 + ii) * _n + j0 + jj;
                if (rows == mr && cols == nr)
                {
                    Kernel(kc, aPanel, bPanel, cTile, _n, accumulate: !first);
                }
                else
                {
                    Kernel(kc, aPanel, bPanel, tile, nr, accumulate: false);
                    WriteTile(tile, nr, cTile, _n, rows, cols, first);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Kernel(int kc, float* aPanel, float* bPanel, float* c, int ldc, bool accumulate)
    {
        switch (_isa)
        {
            case CpuIsa.Vector512:
                SgemmMicroKernels.Kernel12x32(kc, aPanel, bPanel, c, ldc, accumulate);
                break;
            case CpuIsa.Vector256:
                SgemmMicroKernels.Kernel6x16(kc, aPanel, bPanel, c, ldc, accumulate);
                break;
            default:
                SgemmMicroKernels.Kernel4x4(kc, aPanel, bPanel, c, ldc, accumulate);
                break;
        }
    }

    /// <summary>An edge tile's valid rows × columns from its buffer into C: stored (first depth block) or added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteTile(float* tile, int nr, float* c, int ldc, int rows, int cols, bool first)
    {
        for (var r = 0; r < rows; r++)
        {
            var src = tile + r * nr;
            var dst = c + (long)r * ldc;
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 8 <= cols; j += 8)
                {
                    var v = Vector256.Load(src + j);
                    (first ? v : v + Vector256.Load(dst + j)).Store(dst + j);
                }
            }

            for (; j < cols; j++)
                dst[j] = first ? src[j] : dst[j] + src[j];
        }
    }
}
