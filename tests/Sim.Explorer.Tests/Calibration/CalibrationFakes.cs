using Sim.Arch.Calibrated;
using Sim.Arch.Native;
using Sim.Core.Sparse;
using Sim.Explorer.Calibration;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Tests.Calibration;

/// <summary>A target that only describes itself: the synthetic timer never runs its kernels.</summary>
public sealed class DescribedTarget(NativeGemmBlocking blocking) : INativeTarget
{
    public string Name => "fake";

    public string Device => "test double";

    public NativeGemmBlocking GemmBlocking => blocking;

    public bool Supports(NativeKernel kernel, long macs) => kernel != NativeKernel.GemmInt8;

    public INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k) => throw new NotSupportedException();

    public INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k) => throw new NotSupportedException();

    public INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v) => throw new NotSupportedException();

    public INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

/// <summary>Times from known linear models (cycles = θ · features, at <paramref name="clockGhz"/>), optionally with seeded multiplicative noise.</summary>
public sealed class SyntheticTimer(KernelFeatures features, IReadOnlyDictionary<NativeKernel, double[]> theta, double clockGhz, double noiseSd = 0, int seed = 1) : IKernelTimer
{
    private readonly Random _random = new(seed);

    public IReadOnlyList<double> MedianSeconds(IReadOnlyList<CalibrationCase> cases) =>
        [.. cases.Select(c => CalibratedFeatures.Dot(theta[c.Kernel], features.Of(c)) / (clockGhz * 1e9) / (1 - (noiseSd * Normal())))];

    /// <summary>Box–Muller: one standard normal draw.</summary>
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

public static class CalibrationFixture
{
    /// <summary>The AVX2 CPU target's blocking with 2 threads.</summary>
    public static readonly NativeGemmBlocking Blocking = new(6, 16, 120, 4096, 256, 2);

    public const double ClockGhz = 3.0;

    public const int Lanes = 8;

    public const int Pipes = 2;

    /// <summary>GEMM: launch 20000 cycles, efficiency 0.8 of 16 MACs/cycle (1/12.8), 30 cycles per tile step, 4 B/cycle, B packing 1.5 cycles per byte.</summary>
    public static readonly Dictionary<NativeKernel, double[]> Theta = new()
    {
        [NativeKernel.GemmF32] = [20000, 1 / 12.8, 30, 0.25, 1.5],
        [NativeKernel.Attention] = [5000, 0.1, 3],
        [NativeKernel.SpGemm] = [8000, 4, 12, 20, 2],
    };

    /// <param name="macsPerCyclePerUnit">The stated peak per cycle (default lanes × pipes = 16); the data are made at 12.8 whatever it is.</param>
    public static CalibrationReport Report(double noiseSd = 0, bool quick = false, int macsPerCyclePerUnit = Lanes * Pipes, NativeGemmBlocking? blocking = null)
    {
        var b = blocking ?? Blocking;
        var session = new CalibrationSession();
        var features = new KernelFeatures(b, session.Counts);
        var timer = new SyntheticTimer(features, Theta, ClockGhz, noiseSd);
        return session.Calibrate(new DescribedTarget(b), timer, CalibrationSuite.Cases(quick), quick ? "quick" : "full", 5, macsPerCyclePerUnit,
            $"{macsPerCyclePerUnit} stated", () => ClockGhz * 1e9 * macsPerCyclePerUnit, TextWriter.Null);
    }
}
