using System.Diagnostics;
using Sim.Arch.Native;
using Sim.Core.Sparse;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Times a case on a native target: operands prepared once (<see cref="INativeRun{T}"/>), <see cref="Warmups"/> untimed
/// runs (caches, JIT tiers, thread-pool start), then <see cref="Repetitions"/> runs each timed alone with a
/// <see cref="Stopwatch"/>; the median resists the odd run disturbed by another process on a shared machine.
/// </summary>
public sealed class NativeKernelTimer(INativeTarget target, int warmups, int repetitions, Func<SparseOperand, CsrMatrix> sparse) : IKernelTimer
{
    public int Warmups => warmups;

    public int Repetitions => repetitions;

    public double MedianSeconds(CalibrationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        using IDisposable run = Prepare(c, out var invoke);
        for (int i = 0; i < warmups; i++)
            invoke();
        var seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            invoke();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return Median(seconds);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("no values", nameof(values));
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private IDisposable Prepare(CalibrationCase c, out Action invoke)
    {
        switch (c.Kernel)
        {
            case NativeKernel.GemmF32:
            {
                var g = c.Gemm!.Value;
                var run = target.GemmF32(CalibrationInputs.Dense(g.M * g.K, 1), CalibrationInputs.Dense(g.K * g.N, 2), (int)g.M, (int)g.N, (int)g.K);
                invoke = run.Run;
                return run;
            }
            case NativeKernel.Attention:
            {
                var a = c.Attention!;
                var run = target.Attention(a, CalibrationInputs.Dense(a.QElements, 3), CalibrationInputs.Dense(a.KvElements, 4), CalibrationInputs.Dense(a.KvElements, 5));
                invoke = run.Run;
                return run;
            }
            case NativeKernel.SpGemm:
            {
                var run = target.SpGemm(sparse(c.SpGemmA!), sparse(c.SpGemmB!));
                invoke = run.Run;
                return run;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kernel, "no calibration timing for this kernel");
        }
    }
}
