using System.Diagnostics;
using Sim.Arch.Native;
using Sim.Core.Sparse;

namespace Sim.Explorer.Calibration;

/// <summary>
/// Times cases on a native target: every case prepared once (<see cref="INativeRun{T}"/>: operands packed or copied,
/// outside the timing), <see cref="Warmups"/> untimed runs each (caches, JIT tiers, thread-pool start), then
/// <see cref="Repetitions"/> rounds in which every case runs once, each run timed alone with a <see cref="Stopwatch"/>;
/// a case's time is the median of its rounds. Rounds rather than back-to-back repetitions spread each case's samples
/// over the whole measurement, so a burst of load from another process on a shared machine spoils one sample of many
/// cases (which the median drops) rather than every sample of one case. <paramref name="afterRound"/> runs between
/// rounds (the FMA peak probe, sampled under the same conditions).
/// </summary>
public sealed class NativeKernelTimer(INativeTarget target, int warmups, int repetitions, Func<SparseOperand, CsrMatrix> sparse,
    TextWriter progress, Action? afterRound = null) : IKernelTimer
{
    public int Warmups => warmups;

    public int Repetitions => repetitions;

    public IReadOnlyList<double> MedianSeconds(IReadOnlyList<CalibrationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var runs = new List<(IDisposable Run, Action Invoke)>();
        try
        {
            foreach (var c in cases)
            {
                runs.Add(Prepare(c));
                for (int i = 0; i < warmups; i++)
                    runs[^1].Invoke();
            }

            var samples = cases.Select(_ => new double[repetitions]).ToArray();
            for (int round = 0; round < repetitions; round++)
            {
                for (int i = 0; i < runs.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    runs[i].Invoke();
                    samples[i][round] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                }

                afterRound?.Invoke();
                progress.WriteLine($"  round {round + 1}/{repetitions} done");
            }

            return [.. samples.Select(Median)];
        }
        finally
        {
            foreach (var (run, _) in runs)
                run.Dispose();
        }
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

    private (IDisposable, Action) Prepare(CalibrationCase c)
    {
        switch (c.Kernel)
        {
            case NativeKernel.GemmF32:
                {
                    var g = c.Gemm!.Value;
                    var run = target.GemmF32(CalibrationInputs.Dense(g.M * g.K, 1), CalibrationInputs.Dense(g.K * g.N, 2), (int)g.M, (int)g.N, (int)g.K);
                    return (run, run.Run);
                }
            case NativeKernel.Attention:
                {
                    var a = c.Attention!;
                    var run = target.Attention(a, CalibrationInputs.Dense(a.QElements, 3), CalibrationInputs.Dense(a.KvElements, 4), CalibrationInputs.Dense(a.KvElements, 5));
                    return (run, run.Run);
                }
            case NativeKernel.SpGemm:
                {
                    var run = target.SpGemm(sparse(c.SpGemmA!), sparse(c.SpGemmB!));
                    return (run, run.Run);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Kernel, "no calibration timing for this kernel");
        }
    }
}
