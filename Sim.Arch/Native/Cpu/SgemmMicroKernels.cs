using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Register micro-kernels: tile[MR×NR] = Σ_p Apanel[p, 0..MR) ⊗ Bpanel[p, 0..NR) over one packed depth block.
/// Each keeps the whole tile in vector registers (one broadcast of A and NR/width loads of B per p) and writes it
/// once at the end; the caller adds the tile into C, so edges need no special case here.
/// The unrolled statements are generated (one line per row): the JIT keeps named locals in registers, arrays it would not.
/// </summary>
internal static unsafe class SgemmMicroKernels
{
    /// <summary>12×32 with 24 zmm accumulators: 2 B loads + 12 broadcasts feed 24 FMAs per step (2 FMA pipes busy).</summary>
    public static void Kernel12x32(int kc, float* a0, float* b, float* tile)
    {
        Vector512<float> lo0 = default, hi0 = default;
        Vector512<float> lo1 = default, hi1 = default;
        Vector512<float> lo2 = default, hi2 = default;
        Vector512<float> lo3 = default, hi3 = default;
        Vector512<float> lo4 = default, hi4 = default;
        Vector512<float> lo5 = default, hi5 = default;
        Vector512<float> lo6 = default, hi6 = default;
        Vector512<float> lo7 = default, hi7 = default;
        Vector512<float> lo8 = default, hi8 = default;
        Vector512<float> lo9 = default, hi9 = default;
        Vector512<float> lo10 = default, hi10 = default;
        Vector512<float> lo11 = default, hi11 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> a;
            a = Vector512.Create(a0[0]);
            lo0 = Avx512F.FusedMultiplyAdd(a, b0, lo0);
            hi0 = Avx512F.FusedMultiplyAdd(a, b1, hi0);
            a = Vector512.Create(a0[1]);
            lo1 = Avx512F.FusedMultiplyAdd(a, b0, lo1);
            hi1 = Avx512F.FusedMultiplyAdd(a, b1, hi1);
            a = Vector512.Create(a0[2]);
            lo2 = Avx512F.FusedMultiplyAdd(a, b0, lo2);
            hi2 = Avx512F.FusedMultiplyAdd(a, b1, hi2);
            a = Vector512.Create(a0[3]);
            lo3 = Avx512F.FusedMultiplyAdd(a, b0, lo3);
            hi3 = Avx512F.FusedMultiplyAdd(a, b1, hi3);
            a = Vector512.Create(a0[4]);
            lo4 = Avx512F.FusedMultiplyAdd(a, b0, lo4);
            hi4 = Avx512F.FusedMultiplyAdd(a, b1, hi4);
            a = Vector512.Create(a0[5]);
            lo5 = Avx512F.FusedMultiplyAdd(a, b0, lo5);
            hi5 = Avx512F.FusedMultiplyAdd(a, b1, hi5);
            a = Vector512.Create(a0[6]);
            lo6 = Avx512F.FusedMultiplyAdd(a, b0, lo6);
            hi6 = Avx512F.FusedMultiplyAdd(a, b1, hi6);
            a = Vector512.Create(a0[7]);
            lo7 = Avx512F.FusedMultiplyAdd(a, b0, lo7);
            hi7 = Avx512F.FusedMultiplyAdd(a, b1, hi7);
            a = Vector512.Create(a0[8]);
            lo8 = Avx512F.FusedMultiplyAdd(a, b0, lo8);
            hi8 = Avx512F.FusedMultiplyAdd(a, b1, hi8);
            a = Vector512.Create(a0[9]);
            lo9 = Avx512F.FusedMultiplyAdd(a, b0, lo9);
            hi9 = Avx512F.FusedMultiplyAdd(a, b1, hi9);
            a = Vector512.Create(a0[10]);
            lo10 = Avx512F.FusedMultiplyAdd(a, b0, lo10);
            hi10 = Avx512F.FusedMultiplyAdd(a, b1, hi10);
            a = Vector512.Create(a0[11]);
            lo11 = Avx512F.FusedMultiplyAdd(a, b0, lo11);
            hi11 = Avx512F.FusedMultiplyAdd(a, b1, hi11);
            a0 += 12;
            b += 32;
        }

        lo0.Store(tile + 0); hi0.Store(tile + 16);
        lo1.Store(tile + 32); hi1.Store(tile + 48);
        lo2.Store(tile + 64); hi2.Store(tile + 80);
        lo3.Store(tile + 96); hi3.Store(tile + 112);
        lo4.Store(tile + 128); hi4.Store(tile + 144);
        lo5.Store(tile + 160); hi5.Store(tile + 176);
        lo6.Store(tile + 192); hi6.Store(tile + 208);
        lo7.Store(tile + 224); hi7.Store(tile + 240);
        lo8.Store(tile + 256); hi8.Store(tile + 272);
        lo9.Store(tile + 288); hi9.Store(tile + 304);
        lo10.Store(tile + 320); hi10.Store(tile + 336);
        lo11.Store(tile + 352); hi11.Store(tile + 368);
    }

    /// <summary>6×16 with 12 ymm accumulators (the AVX2 register file has 16).</summary>
    public static void Kernel6x16(int kc, float* a0, float* b, float* tile)
    {
        Vector256<float> lo0 = default, hi0 = default;
        Vector256<float> lo1 = default, hi1 = default;
        Vector256<float> lo2 = default, hi2 = default;
        Vector256<float> lo3 = default, hi3 = default;
        Vector256<float> lo4 = default, hi4 = default;
        Vector256<float> lo5 = default, hi5 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> a;
            a = Vector256.Create(a0[0]);
            lo0 = Fma.MultiplyAdd(a, b0, lo0);
            hi0 = Fma.MultiplyAdd(a, b1, hi0);
            a = Vector256.Create(a0[1]);
            lo1 = Fma.MultiplyAdd(a, b0, lo1);
            hi1 = Fma.MultiplyAdd(a, b1, hi1);
            a = Vector256.Create(a0[2]);
            lo2 = Fma.MultiplyAdd(a, b0, lo2);
            hi2 = Fma.MultiplyAdd(a, b1, hi2);
            a = Vector256.Create(a0[3]);
            lo3 = Fma.MultiplyAdd(a, b0, lo3);
            hi3 = Fma.MultiplyAdd(a, b1, hi3);
            a = Vector256.Create(a0[4]);
            lo4 = Fma.MultiplyAdd(a, b0, lo4);
            hi4 = Fma.MultiplyAdd(a, b1, hi4);
            a = Vector256.Create(a0[5]);
            lo5 = Fma.MultiplyAdd(a, b0, lo5);
            hi5 = Fma.MultiplyAdd(a, b1, hi5);
            a0 += 6;
            b += 16;
        }

        lo0.Store(tile + 0); hi0.Store(tile + 8);
        lo1.Store(tile + 16); hi1.Store(tile + 24);
        lo2.Store(tile + 32); hi2.Store(tile + 40);
        lo3.Store(tile + 48); hi3.Store(tile + 56);
        lo4.Store(tile + 64); hi4.Store(tile + 72);
        lo5.Store(tile + 80); hi5.Store(tile + 88);
    }

    /// <summary>Portable 4×4: plain multiply-adds (no FMA contraction, so it rounds like any scalar loop).</summary>
    public static void Kernel4x4(int kc, float* a0, float* b, float* tile)
    {
        var acc = stackalloc float[16];
        for (var i = 0; i < 16; i++)
            acc[i] = 0f;
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < 4; r++)
            {
                var a = a0[r];
                for (var c = 0; c < 4; c++)
                    acc[r * 4 + c] += a * b[c];
            }

            a0 += 4;
            b += 4;
        }

        for (var i = 0; i < 16; i++)
            tile[i] = acc[i];
    }
}
