using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// int8 GEMM micro-kernels, exact: operands are widened to int16 and multiplied with vpmaddwd
/// (<c>Avx512BW/Avx2.MultiplyAddAdjacent</c>), which forms a[2p]·b[2p] + a[2p+1]·b[2p+1] per int32 lane. With int8
/// inputs each pair sum is at most 2·128² = 32768, so nothing saturates, and int32 accumulation is exact up to K = 2^17 − 1
/// (the oracle's bound). .NET 10 exposes VNNI only as 256-bit AvxVnni (and its vpdpbusd is u8×s8, needing a sign
/// correction), so the widening path is used. Without the instruction set the same lanes are formed in software (slow,
/// identical integers), so the kernels' logic is testable on any machine.
/// A panel: per depth pair, MR int32 each holding a row's two int16 values. B panel: per pair, NR columns × (b[2p], b[2p+1]).
/// </summary>
internal static unsafe class Int8MicroKernels
{
    /// <summary>8×32 with 16 zmm accumulators (Vector512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            lo0 += MultiplyAddAdjacent(a, b0);
            hi0 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[1]).AsInt16();
            lo1 += MultiplyAddAdjacent(a, b0);
            hi1 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[2]).AsInt16();
            lo2 += MultiplyAddAdjacent(a, b0);
            hi2 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[3]).AsInt16();
            lo3 += MultiplyAddAdjacent(a, b0);
            hi3 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[4]).AsInt16();
            lo4 += MultiplyAddAdjacent(a, b0);
            hi4 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[5]).AsInt16();
            lo5 += MultiplyAddAdjacent(a, b0);
            hi5 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[6]).AsInt16();
            lo6 += MultiplyAddAdjacent(a, b0);
            hi6 += MultiplyAddAdjacent(a, b1);
            a = Vector512.Create(a0[7]).AsInt16();
            lo7 += MultiplyAddAdjacent(a, b0);
            hi7 += MultiplyAddAdjacent(a, b1);
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

    /// <summary>6×16 with 12 ymm accumulators (Vector256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16(int pairs, int* a0, short* b, int* tile)
    {
        Vector256<int> lo0 = default, hi0 = default;
        Vector256<int> lo1 = default, hi1 = default;
        Vector256<int> lo2 = default, hi2 = default;
        Vector256<int> lo3 = default, hi3 = default;
        Vector256<int> lo4 = default, hi4 = default;
        Vector256<int> lo5 = default, hi5 = default;
        for (var p = 0; p < pairs; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 16);
            Vector256<short> a;
            a = Vector256.Create(a0[0]).AsInt16();
            lo0 += MultiplyAddAdjacent(a, b0);
            hi0 += MultiplyAddAdjacent(a, b1);
            a = Vector256.Create(a0[1]).AsInt16();
            lo1 += MultiplyAddAdjacent(a, b0);
            hi1 += MultiplyAddAdjacent(a, b1);
            a = Vector256.Create(a0[2]).AsInt16();
            lo2 += MultiplyAddAdjacent(a, b0);
            hi2 += MultiplyAddAdjacent(a, b1);
            a = Vector256.Create(a0[3]).AsInt16();
            lo3 += MultiplyAddAdjacent(a, b0);
            hi3 += MultiplyAddAdjacent(a, b1);
            a = Vector256.Create(a0[4]).AsInt16();
            lo4 += MultiplyAddAdjacent(a, b0);
            hi4 += MultiplyAddAdjacent(a, b1);
            a = Vector256.Create(a0[5]).AsInt16();
            lo5 += MultiplyAddAdjacent(a, b0);
            hi5 += MultiplyAddAdjacent(a, b1);
            a0 += 6;
            b += 32;
        }

        lo0.Store(tile + 0); hi0.Store(tile + 8);
        lo1.Store(tile + 16); hi1.Store(tile + 24);
        lo2.Store(tile + 32); hi2.Store(tile + 40);
        lo3.Store(tile + 48); hi3.Store(tile + 56);
        lo4.Store(tile + 64); hi4.Store(tile + 72);
        lo5.Store(tile + 80); hi5.Store(tile + 88);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> MultiplyAddAdjacent(Vector512<short> a, Vector512<short> b)
    {
        if (Avx512BW.IsSupported)
            return Avx512BW.MultiplyAddAdjacent(a, b);
        var (x, y) = (a.AsInt32(), b.AsInt32());
        // Low int16 of each int32 sign-extended (shift up then arithmetic shift down), high int16 by an arithmetic shift.
        return (Vector512.ShiftRightArithmetic(Vector512.ShiftLeft(x, 16), 16) * Vector512.ShiftRightArithmetic(Vector512.ShiftLeft(y, 16), 16))
            + (Vector512.ShiftRightArithmetic(x, 16) * Vector512.ShiftRightArithmetic(y, 16));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> MultiplyAddAdjacent(Vector256<short> a, Vector256<short> b)
    {
        if (Avx2.IsSupported)
            return Avx2.MultiplyAddAdjacent(a, b);
        var (x, y) = (a.AsInt32(), b.AsInt32());
        return (Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(x, 16), 16) * Vector256.ShiftRightArithmetic(Vector256.ShiftLeft(y, 16), 16))
            + (Vector256.ShiftRightArithmetic(x, 16) * Vector256.ShiftRightArithmetic(y, 16));
    }
}
