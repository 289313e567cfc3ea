using Sim.Arch.NpuPim;
using Sim.Core.Config;
using Sim.Core.Workloads.Llm;
using Sim.Explorer.Inputs;
using Sim.Explorer.NpuPimSweeps;
using Sim.Explorer.Plots;
using Sim.Explorer.Results;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Plots;

namespace Sim.Explorer.Tests.Sweeps;

public class NeuPimsSweepTests
{
    private static string Spec(string extra = "", string batches = "[32, 512]", string kv = "[sharegpt, 1024]", string modes = "", string name = "tiny") => $$"""
        neupims:
          name: {{name}}
          model: gpt3-7b
          batches: {{batches}}
          kv: {{kv}}
        {{(modes.Length > 0 ? "  modes: " + modes : "")}}
        {{extra}}
        """;

    private static NeuPimsSweepSpec Read(TempDirectory dir, string text) => NeuPimsSweepSpec.Read(InputFile.Read(dir.Write("neupims.yaml", text)));

    [Fact]
    public void Sweep_writes_points_timeline_and_plots_and_is_deterministic()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("neupims.yaml", Spec());
        var (code, output, _) = CliRunner.Run("sweep", spec, "-o", dir.File("out1"));
        Assert.Equal(0, code);
        Assert.Contains("12 points", output, StringComparison.Ordinal);
        Assert.Contains("neupims / blocked", output, StringComparison.Ordinal);
        var rows = ResultsCsv.Read<NeuPimsPointRow>(dir.File("out1/points.csv"));
        Assert.Equal(12, rows.Count);
        Assert.Equal(["npu-only", "blocked", "neupims"], rows.Take(3).Select(r => r.Mode));
        Assert.Equal("gpt3-7b-kvsharegpt-b32-npu-only", rows[0].PointId);
        // 512 requests × 1024 tokens × 128 KB per token (2 · 32 layers · 1024 · 2 B) = 64 GB > 32 GB.
        Assert.Equal("infeasible", rows.Single(r => r.PointId == "gpt3-7b-kv1024-b512-neupims").Status);
        Assert.All(rows, r => Assert.Equal(r.TokensPerSecond / rows.Single(o => o.Kv == r.Kv && o.Batch == r.Batch && o.Mode == "npu-only").TokensPerSecond,
            r.SpeedupVsNpuOnly, 12));
        var timeline = ResultsCsv.Read<TimelineRow>(dir.File("out1/timeline.csv"));
        Assert.Equal(rows.Select(r => r.PointId).ToHashSet(), timeline.Select(t => t.PointId).ToHashSet());
        Assert.All(rows, r => Assert.Equal(r.EnergyNpuMacPj + r.EnergyNpuDramPj + r.EnergyPimBankPj + r.EnergyPimAluPj + r.EnergyPimBusPj, r.EnergyLayerPj, 6));
        Assert.All(rows.Where(r => r.Mode == "npu-only"), r => Assert.Equal(1.0, r.EnergySavingVsNpuOnly));
        Assert.All(rows.Where(r => r.Mode == "npu-only"), r => Assert.Equal(0, r.EnergyPimBankPj));
        foreach (var plot in new[] { "throughput_gpt3-7b_kvsharegpt", "throughput_gpt3-7b_kv1024", "timeline_gpt3-7b_kvsharegpt", "timeline_gpt3-7b_kv1024", "energy_gpt3-7b_kv1024" })
            ImageAssert.IsPng(dir.File($"out1/{plot}.png"));
        Assert.Contains("batch size (requests)", ImageAssert.SvgText(dir.File("out1/throughput_gpt3-7b_kv1024.svg")), StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.Run("sweep", spec, "-o", dir.File("out2")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("out1/points.csv")), File.ReadAllBytes(dir.File("out2/points.csv")));
        Assert.Equal(File.ReadAllBytes(dir.File("out1/timeline.csv")), File.ReadAllBytes(dir.File("out2/timeline.csv")));
    }

    [Fact]
    public void Rows_match_the_model_evaluated_directly()
    {
        using var dir = new TempDirectory();
        var spec = Read(dir, Spec(batches: "[256]", kv: "[1024]", modes: "[blocked, neupims]", extra: "  pim_cost: neupims-estimate"));
        var (points, _) = NeuPimsSweepRunner.Run(spec);
        var direct = NpuPimModel.DecodeLayer(NpuPimSystem.NeuPims, LlmPresets.Gpt3Of7B, DecodeBatch.Uniform(256, 1024), NpuPimMode.NeuPims,
            NeuPimsMhaEstimate.For(LlmPresets.Gpt3Of7B, NpuPimSystem.NeuPims));
        Assert.Equal(direct.ModelCycles, points[1].ModelCycles);
        Assert.Equal(direct.TokensPerSecond, points[1].TokensPerSecond);
        Assert.Equal(points[1].TokensPerSecond / points[0].TokensPerSecond, points[1].SpeedupVsBlocked, 12);
        Assert.Equal(0, points[1].SpeedupVsNpuOnly); // npu-only not run
        Assert.Equal("neupims-estimate", points[1].PimCost);
    }

    [Fact]
    public void Model_pim_cost_is_our_pim_model_and_differs_from_the_estimate()
    {
        using var dir = new TempDirectory();
        var model = NeuPimsSweepRunner.MhaCost(Read(dir, Spec()), LlmPresets.Gpt3Of7B);
        var estimate = NeuPimsSweepRunner.MhaCost(Read(dir, Spec(extra: "  pim_cost: neupims-estimate")), LlmPresets.Gpt3Of7B);
        Assert.IsType<PimModelMhaCost>(model);
        Assert.IsType<NeuPimsMhaEstimate>(estimate);
        Assert.Equal(Sim.Arch.Pim.PimDecodeAttention.Cost(Core.Hardware.PimPresets.NeuPims, Core.Hardware.DramPresets.NeuPimsHbm2, 1024, 8, 128).Cycles,
            model.RequestCycles(1024));
    }

    [Theory]
    [InlineData("  model2: x", "field 'neupims.model2': unknown key")]
    [InlineData("  seed: -1", "field 'neupims.seed'")]
    [InlineData("  sub_batching: sometimes", "field 'neupims.sub_batching': unknown policy 'sometimes'")]
    [InlineData("  pim_cost: guess", "field 'neupims.pim_cost': unknown PIM cost 'guess'")]
    [InlineData("  npu: {arrays: 0}", "field 'neupims.npu.arrays'")]
    [InlineData("  pim: {preset: hbm9}", "hbm9")]
    [InlineData("  capacity_gib: 0", "field 'neupims.capacity_gib'")]
    [InlineData("  capacity_gib: 1e30", "field 'neupims.capacity_gib': 1E+30 GiB is beyond any device")]
    [InlineData("  npu: {clock_ghz: 1e-300}", "field 'neupims.npu.clock_ghz': 1E-300 GHz is not an NPU clock")]
    [InlineData("  modes: [blocked, blocked]", "field 'neupims.modes': a mode is listed twice")]
    [InlineData("  npu: {vector_lanes: 1}", "field 'neupims.npu.vector_lanes': 1 is below the minimum 2")]
    public void Bad_fields_are_named(string extra, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<SimInputException>(() => Read(dir, Spec(extra: extra)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("neupims.yaml:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_lists_and_names_are_errors()
    {
        using var dir = new TempDirectory();
        string Error(string spec) => Assert.Throws<SimInputException>(() => Read(dir, spec)).Message;
        Assert.Contains("neupims.yaml:4:17: field 'neupims.batches[1]': '0' is not valid here", Error(Spec(batches: "[32, 0]")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.batches': a batch size is listed twice", Error(Spec(batches: "[32, 32]")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.kv[0]': 'long' is not valid here. Fix: write 'sharegpt' or a KV length", Error(Spec(kv: "[long]")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.kv': a KV setting is listed twice", Error(Spec(kv: "[1024, 1024]")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.modes[0]': unknown mode 'gpu'", Error(Spec(modes: "[gpu]")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.name': 'a b' cannot be used as a folder name", Error(Spec(name: "a b")), StringComparison.Ordinal);
        Assert.Contains("field 'neupims.model': unknown model 'gpt5'. Fix: use one of gpt3-7b", Error(Spec().Replace("gpt3-7b", "gpt5", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_exits_2_on_a_bad_spec()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = CliRunner.Run("sweep", dir.Write("neupims.yaml", Spec(batches: "[x]")), "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("neupims.batches[0]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_models_each_get_their_rows_speedups_and_plots()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("neupims.yaml", Spec(batches: "[256]", kv: "[512]").Replace("model: gpt3-7b", "model: [gpt3-7b, gpt3-13b]", StringComparison.Ordinal));
        var (code, output, _) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.Equal(0, code);
        var rows = ResultsCsv.Read<NeuPimsPointRow>(dir.File("out/points.csv"));
        var geomean = Math.Sqrt(rows[2].SpeedupVsNpuOnly * rows[5].SpeedupVsNpuOnly);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"geomean over 2 models, kv 512, batch 256: neupims / npu-only {geomean:0.00}"),
            output, StringComparison.Ordinal);
        Assert.Equal(["gpt3-7b", "gpt3-7b", "gpt3-7b", "gpt3-13b", "gpt3-13b", "gpt3-13b"], rows.Select(r => r.Model));
        Assert.Equal(1.0, rows[3].SpeedupVsNpuOnly); // its own npu-only row, not 7B's
        Assert.True(rows[3].ModelCycles > rows[0].ModelCycles, "13B (40 layers of 5120) is slower than 7B (32 of 4096)");
        ImageAssert.IsPng(dir.File("out/throughput_gpt3-13b_kv512.png"));
        Assert.Contains("field 'neupims.model': a model is listed twice",
            Assert.Throws<SimInputException>(() => Read(dir, Spec().Replace("model: gpt3-7b", "model: [gpt3-7b, gpt3-7b]", StringComparison.Ordinal))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_spec_reads_and_covers_the_papers_settings()
    {
        var spec = NeuPimsSweepSpec.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", "neupims.yaml")));
        Assert.Contains(LlmPresets.Gpt3Of7B, spec.Models);
        Assert.All(spec.Models, m => Assert.True(m.TensorParallel >= 4));
        Assert.Contains(512, spec.Batches);
        Assert.Contains(spec.KvSettings, k => k.Label == KvSetting.ShareGpt);
        Assert.Equal(3, spec.Modes.Count);
    }
}
