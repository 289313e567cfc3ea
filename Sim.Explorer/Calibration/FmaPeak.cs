using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Measures the FMA peak of one core: <see cref="Chains"/> independent chains of vector FMAs (more than latency ×
/// pipes, so both FMA pipes stay busy), run on every unit at once (the GEMM uses them all, so turbo and SMT sharing
/// are as in the GEMM). With the ISA's MACs per cycle (lanes × FMA pipes) the clock follows:
/// clock = measured MACs per second per unit / (lanes × pipes). The GEMM model's efficiency is then a fraction of the
/// measured peak, whatever the pipe count assumed: peak = MACs per cycle × clock is the measurement itself.
/// </summary>
public static class FmaPeak
{
    public const int Chains = 12;

    /// <summary>fp32 lanes of the widest accelerated vector (16 with AVX-512, 8 with AVX2, 4 otherwise).</summary>
    public static int Lanes => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Best of <paramref name="trials"/> of fp32 MACs per second per unit, all <paramref name="units"/> running.
    /// The best, not the median: other load only ever slows a trial down, so the fastest is the closest to the peak.</summary>
    public static double MacsPerSecondPerUnit(int units, int trials = 7, long iterations = 10_000_000)
    {
        double best = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            var start = Stopwatch.GetTimestamp();
            var threads = Enumerable.Range(0, units).Select(_ => new Thread(() => Sink(Run(iterations)))).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, (double)iterations * Chains * Lanes / seconds);
        }

        return best;
    }

    /// <summary>Keeps the best of trials taken at different times (between measurement rounds).</summary>
    public sealed class Sampler(int units)
    {
        public double Best { get; private set; }

        public void Sample(int trials = 3) => Best = Math.Max(Best, MacsPerSecondPerUnit(units, trials));
    }

    private static float s_sink;

    private static void Sink(float value) => Volatile.Write(ref s_sink, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Run(long iterations) => Lanes switch
    {
        16 => Run512(iterations),
        8 => Run256(iterations),
        _ => Run128(iterations),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Run512(long iterations)
    {
        var m = Vector512.Create(0.999999f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m, a10 = m, a11 = m;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c); a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c); a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c); a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c); a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c); a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c); a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Run256(long iterations)
    {
        var m = Vector256.Create(0.999999f);
        var c = Vector256.Create(1e-7f);
        Vector256<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m, a10 = m, a11 = m;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c); a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c); a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c); a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c); a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c); a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c); a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Run128(long iterations)
    {
        var m = Vector128.Create(0.999999f);
        var c = Vector128.Create(1e-7f);
        Vector128<float> a0 = m, a1 = m, a2 = m, a3 = m, a4 = m, a5 = m, a6 = m, a7 = m, a8 = m, a9 = m, a10 = m, a11 = m;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector128.FusedMultiplyAdd(a0, m, c); a1 = Vector128.FusedMultiplyAdd(a1, m, c);
            a2 = Vector128.FusedMultiplyAdd(a2, m, c); a3 = Vector128.FusedMultiplyAdd(a3, m, c);
            a4 = Vector128.FusedMultiplyAdd(a4, m, c); a5 = Vector128.FusedMultiplyAdd(a5, m, c);
            a6 = Vector128.FusedMultiplyAdd(a6, m, c); a7 = Vector128.FusedMultiplyAdd(a7, m, c);
            a8 = Vector128.FusedMultiplyAdd(a8, m, c); a9 = Vector128.FusedMultiplyAdd(a9, m, c);
            a10 = Vector128.FusedMultiplyAdd(a10, m, c); a11 = Vector128.FusedMultiplyAdd(a11, m, c);
        }

        return Vector128.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
