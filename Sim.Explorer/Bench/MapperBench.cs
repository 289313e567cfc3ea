using System.Diagnostics;
using System.Globalization;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Explorer.Inputs;
using Sim.Mapping.Layers;

namespace Sim.Explorer.Bench;

/// <summary>Seconds per layer of the CP-SAT mapper on ResNet-50's unique conv/FC shapes, and the time of the
/// exhaustive mapper over the CP-SAT mapper's on a small brute-forceable GEMM (same optimum, checked here).</summary>
public sealed record MapperBenchResult(
    MapObjective Objective, int Layers, int Optimal, double MedianSeconds, double P95Seconds, double MaxSeconds,
    double SmallCaseExhaustiveSeconds, double SmallCaseCpSatSeconds)
{
    public double ExhaustiveOverCpSat => SmallCaseExhaustiveSeconds / SmallCaseCpSatSeconds;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"CP-SAT mapper, ResNet-50 unique layers on tpu-like ({Objective}): {Layers} layers, {Optimal} optimal, median {MedianSeconds:0.00} s, p95 {P95Seconds:0.00} s, max {MaxSeconds:0.00} s; "
        + $"small case (GEMM 8x8x8 on 4x4): exhaustive {SmallCaseExhaustiveSeconds:0.00} s / CP-SAT {SmallCaseCpSatSeconds:0.000} s = {ExhaustiveOverCpSat:0}x");
}

public static class MapperBench
{
    public static MapperBenchResult Measure(MapObjective objective = MapObjective.Latency, double timeLimitSeconds = 10)
    {
        var arch = InputLoaders.LoadArch(InputFile.ReadEmbedded("workloads/arch/tpu_like.yaml"));
        var hierarchy = LoopNestHierarchy.FromArch(arch);
        var layers = InputLoaders.LoadWorkload(InputFile.ReadEmbedded("workloads/dnn/resnet50.yaml")).Ops
            .Select(LoopNestProblem.From).OfType<LoopNestProblem>()
            .DistinctBy(p => (p.Bounds, p.StrideH, p.StrideW))
            .ToList();
        var options = new LayerMapperOptions(objective, timeLimitSeconds);
        CpSatLayerMapper.Map(layers[^1], hierarchy, options); // JIT and native-library warm-up
        var results = layers.Select(p => CpSatLayerMapper.Map(p, hierarchy, options)).ToList();
        var seconds = results.Select(r => r.SolveSeconds).Order().ToList();

        var small = LoopNestProblem.FromGemm("small", new GemmShape(8, 8, 8));
        var smallHierarchy = hierarchy with { AxisSizes = [4, 4], AxisNames = ["rows", "cols"] };
        var clock = Stopwatch.StartNew();
        var exhaustive = ExhaustiveLayerMapper.Map(small, smallHierarchy, objective);
        var exhaustiveSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var cpSat = CpSatLayerMapper.Map(small, smallHierarchy, options);
        var cpSatSeconds = clock.Elapsed.TotalSeconds;
        if (ObjectiveKey.Of(exhaustive.Cost!, objective) != ObjectiveKey.Of(cpSat.Cost!, objective))
            throw new InvalidOperationException("bench: the CP-SAT and exhaustive optima differ on the small case (a bug)");

        return new MapperBenchResult(objective, results.Count, results.Count(r => r.Status == MapStatus.Optimal),
            Percentile(seconds, 0.5), Percentile(seconds, 0.95), seconds[^1], exhaustiveSeconds, cpSatSeconds);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}
