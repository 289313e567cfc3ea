using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// int8 GEMM micro-kernel, exact: operands are widened to int16 and multiplied with vpmaddwd
/// (<see cref="Avx512BW.MultiplyAddAdjacent(Vector512{short}, Vector512{short})"/>), which forms a[2p]·b[2p] + a[2p+1]·b[2p+1]
/// per int32 lane. With int8 inputs each pair sum is at most 2·128² = 32768, so nothing saturates, and int32 accumulation
/// is exact up to K = 2^17 (the oracle's bound). .NET 10 exposes VNNI only as 256-bit AvxVnni (and vpdpbusd is u8×s8),
/// so the 512-bit widening path is used.
/// </summary>
internal static unsafe class Int8MicroKernels
{
    public const int TileM = 8;
    public const int TileN = 32;

    /// <summary>
    /// tile[8×32] (int32) = Σ over <paramref name="pairs"/> depth pairs. A: per pair, 8 int32 each holding the row's two
    /// int16 values; B: per pair, 32 columns × (b[2p], b[2p+1]) int16 interleaved (two zmm).
    /// </summary>
    public static void Kernel8x32(int pairs, int* a0, short* b, int* tile)
    {
        Vector512<int> lo0 = default, hi0 = default;
        Vector512<int> lo1 = default, hi1 = default;
        Vector512<int> lo2 = default, hi2 = default;
        Vector512<int> lo3 = default, hi3 = default;
        Vector512<int> lo4 = default, hi4 = default;
        Vector512<int> lo5 = default, hi5 = default;
        Vector512<int> lo6 = default, hi6 = default;
        Vector512<int> lo7 = default, hi7 = default;
        for (var p = 0; p < pairs; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 32);
            Vector512<short> a;
            a = Vector512.Create(a0[0]).AsInt16();
            lo0 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi0 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[1]).AsInt16();
            lo1 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi1 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[2]).AsInt16();
            lo2 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi2 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[3]).AsInt16();
            lo3 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi3 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[4]).AsInt16();
            lo4 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi4 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[5]).AsInt16();
            lo5 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi5 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[6]).AsInt16();
            lo6 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi6 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[7]).AsInt16();
            lo7 += Avx512BW.MultiplyAddAdjacent(a, b0);
            hi7 += Avx512BW.MultiplyAddAdjacent(a, b1);
            a0 += 8;
            b += 64;
        }

        lo0.Store(tile + 0); hi0.Store(tile + 16);
        lo1.Store(tile + 32); hi1.Store(tile + 48);
        lo2.Store(tile + 64); hi2.Store(tile + 80);
        lo3.Store(tile + 96); hi3.Store(tile + 112);
        lo4.Store(tile + 128); hi4.Store(tile + 144);
        lo5.Store(tile + 160); hi5.Store(tile + 176);
        lo6.Store(tile + 192); hi6.Store(tile + 208);
        lo7.Store(tile + 224); hi7.Store(tile + 240);
    }
}
