using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Mapping.Layers;
using static Sim.Mapping.Tests.Layers.LayerFixtures;

namespace Sim.Mapping.Tests.Layers;

public class CpSatLayerMapperTests
{
    [Fact]
    public void A_gemm_that_exactly_fits_a_4x4_array_runs_at_macs_over_16()
    {
        // M=8 N=4 K=4: 128 MACs on 16 PEs. No per-tile overhead, unlimited bandwidth: 128 / 16 = 8 cycles is the floor
        // (every PE busy every cycle) and is reachable (e.g. weights stationary, K on rows, N on cols, M streamed).
        var problem = Gemm(8, 4, 4);
        var noOverhead = CpSatLayerMapper.Map(problem, Array(4, 4, 1 << 20, double.PositiveInfinity, overhead: 0), new LayerMapperOptions());
        Assert.Equal(MapStatus.Optimal, noOverhead.Status);
        Assert.Equal(8, noOverhead.Cost!.LatencyCycles);
        Assert.Equal(1.0, noOverhead.Cost.Utilization);

        // With SCALE-Sim-like overheads (fill/drain 4+4−2 = 6, +4 to preload weights or inputs): one weight-stationary
        // fold of 8 streamed rows = 8 + 10 = 18. Outputs stationary needs 2 folds (a PE holds one output, so only the
        // K=4 reduction streams: 128 / (16·4) folds) = 2·(4 + 6) = 20; inputs stationary streams only N=4: 2·(4 + 10) = 28.
        var overhead = CpSatLayerMapper.Map(problem, Array(4, 4, 1 << 20, double.PositiveInfinity), new LayerMapperOptions());
        Assert.Equal(MapStatus.Optimal, overhead.Status);
        Assert.Equal(18, overhead.Cost!.LatencyCycles);
        Assert.Equal(DataSpace.Weights, overhead.Mapping!.Stationary);
        Assert.Equal(1, overhead.Cost.Folds);
    }

    [Fact]
    public void Gemv_of_the_dataflow_mapper_test_is_input_stationary_as_scale_sim_chooses()
    {
        // M=1 N=300 K=100 on 32×32 (DataflowMapperTests picks IS among SCALE-Sim's three fixed unrollings); default arch:
        // unlimited DRAM, 32 KB partitions, so latency = folds × (register iterations + overhead), overhead 62 (OS) or
        // 62 + 32 (WS/IS). With the systolic layouts (rows/cols ⊆ one of {N,P,Q} = {M}, {K} = {N}, {C,R,S} = {K}):
        // * IS: the reduction K=100 on one axis (largest divisor ≤ 32: 25), M = 1 on the other; a PE holds one input
        //   and streams all N=300 → 100/25 = 4 folds × (300 + 94) = 1576.
        // * OS: only N may be spatial (on one axis, M = 1 on the other): 30 | 300 → 10 folds × (K=100 streamed + 62) = 1620.
        // * WS: K on one axis (25), N on the other (30), a PE streams only M = 1: 4·10 folds × (1 + 94) = 3800.
        // Before layouts, OS split N over both axes (600 PEs) for 112 cycles — an unrolling no systolic array runs.
        var arch = ArchSpec.Default(new SystolicSpec(32, 32, Dataflow.Os));
        var hierarchy = LoopNestHierarchy.FromArch(arch);
        var problem = LoopNestProblem.FromGemm("gemv", new Core.Workloads.GemmShape(1, 300, 100));
        var result = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions());

        Assert.Equal(MapStatus.Optimal, result.Status);
        Assert.Equal(DataSpace.Inputs, result.Mapping!.Stationary);
        Assert.Equal(4, result.Cost!.Folds);
        Assert.Equal(1576, result.Cost.LatencyCycles);
        Assert.Equal(25, result.Mapping.SpatialTotal.C);
        Assert.Equal(300, result.Mapping.Register.K);
    }

    [Fact]
    public void No_mapping_fits_a_partition_smaller_than_one_partial_sum()
    {
        var problem = Gemm(4, 2, 3);
        var hierarchy = Array(2, 2, 2, double.PositiveInfinity);   // 2 B partitions, 4-byte partial sums
        var cpSat = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions());
        var exhaustive = ExhaustiveLayerMapper.Map(problem, hierarchy, MapObjective.Latency);

        Assert.Equal(MapStatus.Infeasible, cpSat.Status);
        Assert.Null(cpSat.Mapping);
        Assert.Equal("no mapping fits: the smallest outputs tile needs 4 B, the partition has 2 B", cpSat.Reason);
        Assert.Equal(MapStatus.Infeasible, exhaustive.Status);
        Assert.Equal(cpSat.Reason, exhaustive.Reason);
    }

    [Fact]
    public void Same_call_twice_gives_the_same_mapping()
    {
        var problem = StridedConv();
        var hierarchy = Array(3, 2, 16, 1.5);
        var first = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(MapObjective.Edp));
        var second = CpSatLayerMapper.Map(problem, hierarchy, new LayerMapperOptions(MapObjective.Edp));

        Assert.Equal(Describe(first.Mapping!), Describe(second.Mapping!));
        Assert.Equal(first.Cost, second.Cost);
    }

    [Fact]
    public void The_exhaustive_mapper_refuses_a_mapspace_beyond_its_limit()
    {
        var problem = Gemm(64, 64, 64);
        var error = Assert.Throws<ArgumentException>(() => ExhaustiveLayerMapper.Map(problem, Array(4, 4, 1 << 20, 8), MapObjective.Latency, maxMappings: 1000));
        Assert.Contains($"has {Mapspace.Size(problem, Array(4, 4, 1 << 20, 8))} mappings, more than the 1000", error.Message);
    }

    [Theory]
    [InlineData("layer4.1.conv1")]
    [InlineData("fc")]
    [InlineData("conv1")]
    [InlineData("layer2.0.downsample")]
    public void Resnet50_layers_on_tpu_like_map_to_proven_legal_optima(string layer)
    {
        var arch = ArchYaml.Load(Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml"));
        var workload = WorkloadYaml.Load(Path.Combine(RepoPaths.Workloads, "dnn", "resnet50.yaml"));
        var problem = LoopNestProblem.From(workload.Ops.Single(o => o.Name == layer))!;
        var result = CpSatLayerMapper.Map(problem, LoopNestHierarchy.FromArch(arch), new LayerMapperOptions(TimeLimitSeconds: 20));

        Assert.Equal(MapStatus.Optimal, result.Status);
        Assert.Equal(0, result.GapPercent);
        // Never slower than the best greedy schedule, never faster than every PE busy every cycle.
        Assert.InRange(result.Cost!.LatencyCycles, problem.Macs / 1024, GreedyMappings.Best(problem, LoopNestHierarchy.FromArch(arch), MapObjective.Latency).Cost.LatencyCycles);
        // A systolic array runs it: some layout (OS/WS/IS or its swap) allows every unrolled dim on its axis.
        Assert.Contains(SpatialLayouts.Systolic, l => l.Allows(result.Mapping!.Stationary, result.Mapping.Spatial));
    }

    private static string Describe(LoopNestMapping m) =>
        $"{m.Stationary} {m.Register} {string.Join("|", m.Spatial)} {m.Scratchpad} {m.Dram} {string.Join("", m.ScratchpadOrder)} {string.Join("", m.DramOrder)}";
}
