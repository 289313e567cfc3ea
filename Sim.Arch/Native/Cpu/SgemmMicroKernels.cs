using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Register micro-kernels: tile[MR×NR] = Σ_p Apanel[p, 0..MR) ⊗ Bpanel[p, 0..NR) over one packed depth block.
/// Each keeps the whole tile in vector registers (one broadcast of A and NR/width loads of B per p) and writes it
/// once at the end. A kernel reads and writes its MR×NR tile of C directly (row stride ldc), starting from C's values
/// (accumulate) or from zero (the first depth block): a separate tile buffer added into C afterwards cost ~10 % at
/// KC = 256. Edge tiles run on a zeroed MR×NR buffer that the caller copies into C's valid part.
/// The unrolled statements are generated (one line per row): the JIT keeps named locals in registers, arrays it would not.
/// Where the CPU has the instructions the FMA is the hardware's (Avx512F/Fma, a JIT-time constant branch); elsewhere the
/// cross-platform <c>VectorN.FusedMultiplyAdd</c> emulates it (same values, slowly), so tests can check the 512-bit
/// kernel's logic on an AVX2-only machine.
/// Hot loops in this folder are marked AggressiveOptimization: tiered compilation would otherwise run them first as
/// unoptimised tier-0 code (vectors spilled to the stack, ~50× slower), which a short timed run never leaves.
/// </summary>
internal static unsafe class SgemmMicroKernels
{
    /// <summary>12×32 with 24 zmm accumulators: 2 B loads + 12 broadcasts feed 24 FMAs per step (2 FMA pipes busy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel12x32(int kc, float* a0, float* b, float* c, int ldc, bool accumulate)
    {
        Vector512<float> lo0, hi0;
        Vector512<float> lo1, hi1;
        Vector512<float> lo2, hi2;
        Vector512<float> lo3, hi3;
        Vector512<float> lo4, hi4;
        Vector512<float> lo5, hi5;
        Vector512<float> lo6, hi6;
        Vector512<float> lo7, hi7;
        Vector512<float> lo8, hi8;
        Vector512<float> lo9, hi9;
        Vector512<float> lo10, hi10;
        Vector512<float> lo11, hi11;
        if (accumulate)
        {
            lo0 = Vector512.Load(c + 0 * (long)ldc); hi0 = Vector512.Load(c + 0 * (long)ldc + 16);
            lo1 = Vector512.Load(c + 1 * (long)ldc); hi1 = Vector512.Load(c + 1 * (long)ldc + 16);
            lo2 = Vector512.Load(c + 2 * (long)ldc); hi2 = Vector512.Load(c + 2 * (long)ldc + 16);
            lo3 = Vector512.Load(c + 3 * (long)ldc); hi3 = Vector512.Load(c + 3 * (long)ldc + 16);
            lo4 = Vector512.Load(c + 4 * (long)ldc); hi4 = Vector512.Load(c + 4 * (long)ldc + 16);
            lo5 = Vector512.Load(c + 5 * (long)ldc); hi5 = Vector512.Load(c + 5 * (long)ldc + 16);
            lo6 = Vector512.Load(c + 6 * (long)ldc); hi6 = Vector512.Load(c + 6 * (long)ldc + 16);
            lo7 = Vector512.Load(c + 7 * (long)ldc); hi7 = Vector512.Load(c + 7 * (long)ldc + 16);
            lo8 = Vector512.Load(c + 8 * (long)ldc); hi8 = Vector512.Load(c + 8 * (long)ldc + 16);
            lo9 = Vector512.Load(c + 9 * (long)ldc); hi9 = Vector512.Load(c + 9 * (long)ldc + 16);
            lo10 = Vector512.Load(c + 10 * (long)ldc); hi10 = Vector512.Load(c + 10 * (long)ldc + 16);
            lo11 = Vector512.Load(c + 11 * (long)ldc); hi11 = Vector512.Load(c + 11 * (long)ldc + 16);
        }
        else
        {
            lo0 = default; hi0 = default;
            lo1 = default; hi1 = default;
            lo2 = default; hi2 = default;
            lo3 = default; hi3 = default;
            lo4 = default; hi4 = default;
            lo5 = default; hi5 = default;
            lo6 = default; hi6 = default;
            lo7 = default; hi7 = default;
            lo8 = default; hi8 = default;
            lo9 = default; hi9 = default;
            lo10 = default; hi10 = default;
            lo11 = default; hi11 = default;
        }

        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> a;
            a = Vector512.Create(a0[0]);
            lo0 = Fma512(a, b0, lo0);
            hi0 = Fma512(a, b1, hi0);
            a = Vector512.Create(a0[1]);
            lo1 = Fma512(a, b0, lo1);
            hi1 = Fma512(a, b1, hi1);
            a = Vector512.Create(a0[2]);
            lo2 = Fma512(a, b0, lo2);
            hi2 = Fma512(a, b1, hi2);
            a = Vector512.Create(a0[3]);
            lo3 = Fma512(a, b0, lo3);
            hi3 = Fma512(a, b1, hi3);
            a = Vector512.Create(a0[4]);
            lo4 = Fma512(a, b0, lo4);
            hi4 = Fma512(a, b1, hi4);
            a = Vector512.Create(a0[5]);
            lo5 = Fma512(a, b0, lo5);
            hi5 = Fma512(a, b1, hi5);
            a = Vector512.Create(a0[6]);
            lo6 = Fma512(a, b0, lo6);
            hi6 = Fma512(a, b1, hi6);
            a = Vector512.Create(a0[7]);
            lo7 = Fma512(a, b0, lo7);
            hi7 = Fma512(a, b1, hi7);
            a = Vector512.Create(a0[8]);
            lo8 = Fma512(a, b0, lo8);
            hi8 = Fma512(a, b1, hi8);
            a = Vector512.Create(a0[9]);
            lo9 = Fma512(a, b0, lo9);
            hi9 = Fma512(a, b1, hi9);
            a = Vector512.Create(a0[10]);
            lo10 = Fma512(a, b0, lo10);
            hi10 = Fma512(a, b1, hi10);
            a = Vector512.Create(a0[11]);
            lo11 = Fma512(a, b0, lo11);
            hi11 = Fma512(a, b1, hi11);
            a0 += 12;
            b += 32;
        }

        lo0.Store(c + 0 * (long)ldc); hi0.Store(c + 0 * (long)ldc + 16);
        lo1.Store(c + 1 * (long)ldc); hi1.Store(c + 1 * (long)ldc + 16);
        lo2.Store(c + 2 * (long)ldc); hi2.Store(c + 2 * (long)ldc + 16);
        lo3.Store(c + 3 * (long)ldc); hi3.Store(c + 3 * (long)ldc + 16);
        lo4.Store(c + 4 * (long)ldc); hi4.Store(c + 4 * (long)ldc + 16);
        lo5.Store(c + 5 * (long)ldc); hi5.Store(c + 5 * (long)ldc + 16);
        lo6.Store(c + 6 * (long)ldc); hi6.Store(c + 6 * (long)ldc + 16);
        lo7.Store(c + 7 * (long)ldc); hi7.Store(c + 7 * (long)ldc + 16);
        lo8.Store(c + 8 * (long)ldc); hi8.Store(c + 8 * (long)ldc + 16);
        lo9.Store(c + 9 * (long)ldc); hi9.Store(c + 9 * (long)ldc + 16);
        lo10.Store(c + 10 * (long)ldc); hi10.Store(c + 10 * (long)ldc + 16);
        lo11.Store(c + 11 * (long)ldc); hi11.Store(c + 11 * (long)ldc + 16);
    }

    /// <summary>6×16 with 12 ymm accumulators (the AVX2 register file has 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16(int kc, float* a0, float* b, float* c, int ldc, bool accumulate)
    {
        Vector256<float> lo0, hi0;
        Vector256<float> lo1, hi1;
        Vector256<float> lo2, hi2;
        Vector256<float> lo3, hi3;
        Vector256<float> lo4, hi4;
        Vector256<float> lo5, hi5;
        if (accumulate)
        {
            lo0 = Vector256.Load(c + 0 * (long)ldc); hi0 = Vector256.Load(c + 0 * (long)ldc + 8);
            lo1 = Vector256.Load(c + 1 * (long)ldc); hi1 = Vector256.Load(c + 1 * (long)ldc + 8);
            lo2 = Vector256.Load(c + 2 * (long)ldc); hi2 = Vector256.Load(c + 2 * (long)ldc + 8);
            lo3 = Vector256.Load(c + 3 * (long)ldc); hi3 = Vector256.Load(c + 3 * (long)ldc + 8);
            lo4 = Vector256.Load(c + 4 * (long)ldc); hi4 = Vector256.Load(c + 4 * (long)ldc + 8);
            lo5 = Vector256.Load(c + 5 * (long)ldc); hi5 = Vector256.Load(c + 5 * (long)ldc + 8);
        }
        else
        {
            lo0 = default; hi0 = default;
            lo1 = default; hi1 = default;
            lo2 = default; hi2 = default;
            lo3 = default; hi3 = default;
            lo4 = default; hi4 = default;
            lo5 = default; hi5 = default;
        }

        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> a;
            a = Vector256.Create(a0[0]);
            lo0 = Fma256(a, b0, lo0);
            hi0 = Fma256(a, b1, hi0);
            a = Vector256.Create(a0[1]);
            lo1 = Fma256(a, b0, lo1);
            hi1 = Fma256(a, b1, hi1);
            a = Vector256.Create(a0[2]);
            lo2 = Fma256(a, b0, lo2);
            hi2 = Fma256(a, b1, hi2);
            a = Vector256.Create(a0[3]);
            lo3 = Fma256(a, b0, lo3);
            hi3 = Fma256(a, b1, hi3);
            a = Vector256.Create(a0[4]);
            lo4 = Fma256(a, b0, lo4);
            hi4 = Fma256(a, b1, hi4);
            a = Vector256.Create(a0[5]);
            lo5 = Fma256(a, b0, lo5);
            hi5 = Fma256(a, b1, hi5);
            a0 += 6;
            b += 16;
        }

        lo0.Store(c + 0 * (long)ldc); hi0.Store(c + 0 * (long)ldc + 8);
        lo1.Store(c + 1 * (long)ldc); hi1.Store(c + 1 * (long)ldc + 8);
        lo2.Store(c + 2 * (long)ldc); hi2.Store(c + 2 * (long)ldc + 8);
        lo3.Store(c + 3 * (long)ldc); hi3.Store(c + 3 * (long)ldc + 8);
        lo4.Store(c + 4 * (long)ldc); hi4.Store(c + 4 * (long)ldc + 8);
        lo5.Store(c + 5 * (long)ldc); hi5.Store(c + 5 * (long)ldc + 8);
    }

    /// <summary>Portable 4×4: plain multiply-adds (no FMA contraction, so it rounds like any scalar loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel4x4(int kc, float* a0, float* b, float* c, int ldc, bool accumulate)
    {
        var acc = stackalloc float[16];
        for (var r = 0; r < 4; r++)
        {
            for (var j = 0; j < 4; j++)
                acc[r * 4 + j] = accumulate ? c[r * (long)ldc + j] : 0f;
        }

        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < 4; r++)
            {
                var a = a0[r];
                for (var j = 0; j < 4; j++)
                    acc[r * 4 + j] += a * b[j];
            }

            a0 += 4;
            b += 4;
        }

        for (var r = 0; r < 4; r++)
        {
            for (var j = 0; j < 4; j++)
                c[r * (long)ldc + j] = acc[r * 4 + j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma512(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma256(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : Vector256.FusedMultiplyAdd(a, b, c);
}
