using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Register micro-kernels: tile[MR×NR] = Σ_p Apanel[p, 0..MR) ⊗ Bpanel[p, 0..NR) over one packed depth block.
/// Each keeps the whole tile in vector registers (one broadcast of A and NR/width loads of B per p) and writes it
/// once at the end; the caller adds the tile into C, so edges need no special case here.
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        lo0.Store(tile + 0); hi0.Store(tile + 8);
        lo1.Store(tile + 16); hi1.Store(tile + 24);
        lo2.Store(tile + 32); hi2.Store(tile + 40);
        lo3.Store(tile + 48); hi3.Store(tile + 56);
        lo4.Store(tile + 64); hi4.Store(tile + 72);
        lo5.Store(tile + 80); hi5.Store(tile + 88);
    }

    /// <summary>Portable 4×4: plain multiply-adds (no FMA contraction, so it rounds like any scalar loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma512(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma256(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : Vector256.FusedMultiplyAdd(a, b, c);
}
