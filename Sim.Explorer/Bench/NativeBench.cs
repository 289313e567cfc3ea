using System.Diagnostics;
using Sim.Arch.Native;
using Sim.Arch.Native.Cpu;
using Sim.Core.Workloads;

namespace Sim.Explorer.Bench;

/// <summary>What <c>sim bench native</c> runs: square fp32 GEMM sizes, repetitions, the int8 GEMM size, the OpenBLAS library name.</summary>
public sealed record NativeBenchOptions(IReadOnlyList<int> GemmSizes, int Reps, int Int8Size, string OpenBlasLibrary);

/// <summary>One kernel timed: best and median of the repetitions, and the work in operations (2 per MAC; SpGEMM: multiplications).</summary>
public sealed record NativeTiming(string Kernel, string Target, string Shape, long Operations, double BestSeconds, double MedianSeconds)
{
    public double BestGops => Operations / BestSeconds / 1e9;

    public double MedianGops => Operations / MedianSeconds / 1e9;
}

/// <summary>Our fp32 GEMM and OpenBLAS's at one size in the same run (OpenBLAS null when it is not installed).</summary>
public sealed record NativeGemmComparison(int Size, NativeTiming Ours, NativeTiming? OpenBlas, double? MaxAbsDifference)
{
    /// <summary>ours / OpenBLAS on the best repetitions (above 1: ours is faster).</summary>
    public double? BestRatio => OpenBlas is null ? null : Ours.BestGops / OpenBlas.BestGops;

    public double? MedianRatio => OpenBlas is null ? null : Ours.MedianGops / OpenBlas.MedianGops;
}

public sealed record NativeBenchReport(
    string Cpu, string Isa, int Threads, string? CoreTypeEnvironment, string? OpenBlasCore, string? OpenBlasConfig, int? OpenBlasThreads,
    string? OpenBlasMissing, IReadOnlyList<NativeGemmComparison> Gemm, NativeTiming Int8, NativeTiming Attention, NativeTiming SpGemm);

/// <summary>
/// Times the native kernels on this machine. Each run is prepared first (operands packed or pinned), warmed up once,
/// then timed <see cref="NativeBenchOptions.Reps"/> times; ours and OpenBLAS alternate repetition by repetition so a
/// load change on a shared machine hits both alike, each timed run right after an untimed one of the same kernel. Never run from tests (they only check the report's shape on tiny sizes).
/// </summary>
public static class NativeBench
{
    /// <summary>The attention case: GQA prefill, 16 query heads over 4 KV heads, 1024 tokens, d = 64, causal.</summary>
    private const int OpenBlasSpinDownMilliseconds = 150;

    public static readonly Attention AttentionCase = new("gqa-prefill-1k", 1, 16, 4, 1024, 1024, 64, Causal: true);

    public static NativeBenchReport Run(NativeBenchOptions options, string? coreTypeEnvironment)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var cpu = new CpuTarget();
        var probe = OpenBlasTarget.Probe(options.OpenBlasLibrary);
        using var openBlas = probe.Target as OpenBlasTarget;
        var gemm = options.GemmSizes.Select(size => CompareGemm(cpu, openBlas, size, options.Reps)).ToList();
        return new NativeBenchReport(CpuInfo.ModelName, CpuIsaPaths.Label(cpu.Isa), cpu.Threads, coreTypeEnvironment,
            openBlas?.Library.CoreName, openBlas?.Library.Config, openBlas?.Library.Threads, probe.Unavailable,
            gemm, Int8(cpu, options.Int8Size, options.Reps), AttentionTiming(cpu, options.Reps), SpGemmTiming(cpu, options.Reps));
    }

    private static NativeGemmComparison CompareGemm(CpuTarget cpu, OpenBlasTarget? openBlas, int size, int reps)
    {
        var random = new Random(size);
        var a = RandomFloats(random, size * size);
        var b = RandomFloats(random, size * size);
        var operations = 2L * size * size * size;
        var shape = $"{size}x{size}x{size}";
        using var ours = cpu.GemmF32(a, b, size, size, size);
        using var theirs = openBlas?.GemmF32(a, b, size, size, size);
        ours.Run();
        theirs?.Run();
        if (theirs is not null)
            Thread.Sleep(OpenBlasSpinDownMilliseconds);
        var oursSeconds = new List<double>();
        var theirSeconds = new List<double>();
        for (var rep = 0; rep < reps; rep++)
        {
            // Each timed run follows an untimed run of the same kernel, so neither side is timed cold (caches, idle
            // thread-pool workers) nor right after the other's threads.
            ours.Run();
            oursSeconds.Add(Seconds(ours.Run));
            if (theirs is not null)
            {
                theirs.Run();
                theirSeconds.Add(Seconds(theirs.Run));
                // OpenBLAS's worker threads busy-wait after a call (THREAD_TIMEOUT, 2^28 cycles ≈ 0.1 s by default) and
                // would take cores from our next repetition; let them go to sleep first.
                Thread.Sleep(OpenBlasSpinDownMilliseconds);
            }
        }

        double? difference = theirs is null ? null
            : ours.Result().Zip(theirs.Result(), (x, y) => (double)Math.Abs(x - y)).Max();
        return new NativeGemmComparison(size, Timing("gemm fp32", cpu.Name, shape, operations, oursSeconds),
            theirs is null ? null : Timing("gemm fp32", OpenBlasTarget.TargetName, shape, operations, theirSeconds), difference);
    }

    private static NativeTiming Int8(CpuTarget cpu, int size, int reps)
    {
        var random = new Random(8);
        var a = Enumerable.Range(0, size * size).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        var b = Enumerable.Range(0, size * size).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
        using var run = cpu.GemmInt8(a, b, size, size, size);
        return Timing("gemm int8", cpu.Name, $"{size}x{size}x{size}", 2L * size * size * size, Repeat(run, reps));
    }

    private static NativeTiming AttentionTiming(CpuTarget cpu, int reps)
    {
        var op = AttentionCase;
        var random = new Random(3);
        using var run = cpu.Attention(op, RandomFloats(random, (int)op.QElements), RandomFloats(random, (int)op.KvElements), RandomFloats(random, (int)op.KvElements));
        var shape = $"b{op.Batch} h{op.Heads}/kv{op.KvHeads} seq {op.SeqQ} d{op.HeadDim} causal";
        return Timing("attention fused", cpu.Name, shape, 2 * op.Macs, Repeat(run, reps));
    }

    private static NativeTiming SpGemmTiming(CpuTarget cpu, int reps)
    {
        var a = ExperimentBench.RandomSpGemm().A;
        long multiplications = 0;
        for (var i = 0; i < a.Rows; i++)
        {
            foreach (var k in a.RowColumns(i))
                multiplications += a.RowNnz(k);
        }

        using var run = cpu.SpGemm(a, a);
        return Timing("spgemm gustavson", cpu.Name, $"C=A·A, {a.Rows}x{a.Cols}, {a.Nnz} nnz", multiplications, Repeat(run, reps));
    }

    private static List<double> Repeat<T>(INativeRun<T> run, int reps)
    {
        run.Run();
        return [.. Enumerable.Range(0, reps).Select(_ => Seconds(run.Run))];
    }

    private static double Seconds(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static NativeTiming Timing(string kernel, string target, string shape, long operations, List<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return new NativeTiming(kernel, target, shape, operations, sorted[0], median);
    }

    private static float[] RandomFloats(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
}
