using Sim.Arch.Attention;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>Attention as an op inside a workload: evaluated by the attention model, summed like any layer.</summary>
public class AttentionLayerTests
{
    private static readonly ArchSpec s_arch = new("a", new SystolicSpec(16, 16, Dataflow.Os), new ScratchpadSpec(64, 64, 64), new DramSpec(16, 0), 1, 2);

    private static Workload Net(AttentionLowering lowering) => new("net", [
        new Gemm("proj", 64, 256, 256),
        new AttentionLayer("attn", new Attention("attn", 1, 4, 4, 64, 64, 64, true), lowering, ["proj"]),
        new Gemm("out", 64, 256, 256, ["attn"]),
    ]);

    [Fact]
    public void An_attention_layer_is_the_attention_models_result_and_the_point_sums_its_layers()
    {
        foreach (var lowering in AttentionLoweringNames.All)
        {
            var (point, layers) = PointEvaluator.Evaluate("p", Net(lowering), s_arch, SimMode.Default);
            Assert.Equal(RowStatus.Ok, point.Status);
            var row = layers[1];
            var model = AttentionModel.Evaluate(new Attention("attn", 1, 4, 4, 64, 64, 64, true), s_arch, lowering);
            Assert.Equal(("attention", "attn"), (row.OpKind, row.Layer));
            Assert.Equal(model.TotalCycles, row.TotalCycles);
            Assert.Equal(model.Passes.Sum(p => Math.Max(p.TensorCycles, p.VectorCycles)), row.ComputeCycles);
            Assert.Equal(model.TensorMappingEfficiency, row.MappingEfficiency, 12);
            Assert.Equal(model.DramBytes, row.DramReadsIfmap + row.DramWritesOfmap);
            Assert.Equal(model.Energy.TotalPj, row.EnergyPj, 6);
            Assert.Equal(model.Energy.VectorPj, row.EnergyVectorPj, 6);
            // Causal prefill of 64: 64·65/2 scores per head, 2·d MACs each, 4 heads.
            Assert.Equal(4L * (64 * 65 / 2) * 64 * 2, row.Macs);
            Assert.Equal(layers.Sum(l => l.TotalCycles), point.LatencyCycles);
            Assert.Equal(layers.Sum(l => l.EnergyPj), point.EnergyPj, 6);
            Assert.Equal(row.EnergyVectorPj, point.EnergyVectorPj, 6);
            Assert.Equal(Net(lowering).TotalMacs, point.Macs);
        }
    }

    [Fact]
    public void A_lowering_that_does_not_fit_makes_the_point_infeasible_naming_the_op()
    {
        // 3 × 100 B on chip: not even a 1×1 fused block at d = 64 ((4·64 + 3)·2 = 518 B).
        var tiny = s_arch with { Tile = new SystolicSpec(1, 1, Dataflow.Os), Scratchpad = new ScratchpadSpec(100 / 1024.0, 100 / 1024.0, 100 / 1024.0) };
        var net = new Workload("n", [new AttentionLayer("attn", new Attention("attn", 1, 1, 1, 16, 16, 64, false), AttentionLowering.Fused, [])]);
        var (point, layers) = PointEvaluator.Evaluate("p", net, tiny, SimMode.Default);
        Assert.Equal(RowStatus.Infeasible, point.Status);
        Assert.StartsWith("op 'attn' (fused attention): even a 1x1 fused block needs 518 B", point.Reason, StringComparison.Ordinal);
        Assert.Empty(layers);
    }

    [Fact]
    public void Point_ids_follow_the_lowering_and_the_vector_unit_only_when_a_workload_has_attention()
    {
        var wider = s_arch with { Vector = s_arch.Vector with { Lanes = 256 } };
        string Id(Workload w, ArchSpec a) => new SweepPoint(0, "", w, a, SimMode.Default).Id;
        Assert.NotEqual(Id(Net(AttentionLowering.Fused), s_arch), Id(Net(AttentionLowering.Unfused), s_arch));
        Assert.NotEqual(Id(Net(AttentionLowering.Fused), s_arch), Id(Net(AttentionLowering.Fused), wider));
        var gemms = new Workload("g", [new Gemm("proj", 64, 256, 256)]);
        Assert.Equal(Id(gemms, s_arch), Id(gemms, wider));
    }

    [Theory]
    [InlineData("bert_base_encoder", 4_026_531_840L, 4_026_531_840L)]
    [InlineData("llama7b_decode_b8", 1_686_175_744L, 1_686_175_744L)]
    [InlineData("gpt2_decoder_decode", 8_652_288L, 8_652_288L)]
    // Causal prefill: the GEMMs compute all 1024² scores, 2·12·1024²·64 = 1,610,612,736 MACs; the attention op only
    // the unmasked 1024·1025/2 per head: 2·12·524,800·64 = 806,092,800. 8,858,370,048 − 1,610,612,736 + 806,092,800.
    [InlineData("gpt2_decoder_prefill", 8_858_370_048L, 8_053_850_112L)]
    public void Shipped_attention_workloads_match_their_gemm_versions(string name, long gemmMacs, long attentionMacs)
    {
        // The MACs column of workloads/README.md, counted by hand from the GEMM versions.
        var gemms = InputLoaders.LoadWorkload(InputFile.Read(Path.Combine(RepoPaths.Workloads, "dnn", name + ".yaml")));
        var attention = InputLoaders.LoadWorkload(InputFile.Read(Path.Combine(RepoPaths.Workloads, "dnn", name + "_attention.yaml")));
        Assert.Equal(gemmMacs, gemms.TotalMacs);
        Assert.Equal(attentionMacs, attention.TotalMacs);
        Assert.Single(attention.Ops.OfType<AttentionLayer>());
        Assert.Equal(gemms.Ops.Count - 1, attention.Ops.Count);
    }

    [Fact]
    public void Sim_run_prints_an_attention_layer_without_gemm_dimensions()
    {
        using var dir = new TempDirectory();
        var (code, output, error) = CliRunner.Run("run", Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml"),
            Path.Combine(RepoPaths.Workloads, "dnn", "bert_base_encoder_attention.yaml"), "-o", dir.Path);
        Assert.True(code == 0, error);
        Assert.Matches(@"│ attn\s+│\s+- │\s+- │\s+- │", output);
        var layers = File.ReadAllLines(Path.Combine(dir.Path, "layers.csv"));
        Assert.Contains(layers, l => l.Contains(",attn,attention,0,0,0,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dram_bound_attention_layer_stalls_and_an_engine_bound_one_does_not()
    {
        // Unfused at 0.25 B/cycle: every pass waits for DRAM (|S| alone is 4·64·64·2 B = 32 KB → 131,072 cycles per
        // softmax pass), so stall = total − Σ max(tensor, vector) > 0. With unlimited DRAM no pass waits.
        var net = new Workload("n", [new AttentionLayer("attn", new Attention("attn", 1, 4, 4, 64, 64, 64, false), AttentionLowering.Unfused, [])]);
        var (_, slow) = PointEvaluator.Evaluate("p", net, s_arch with { Dram = new DramSpec(0.25, 0) }, SimMode.Default);
        Assert.True(slow[0].StallCycles > 0);
        Assert.True(slow[0].StallCycles >= 3 * 131_072 - slow[0].ComputeCycles, $"stall {slow[0].StallCycles}");
        var (_, fast) = PointEvaluator.Evaluate("p", net, s_arch with { Dram = DramSpec.Unlimited }, SimMode.Default);
        Assert.Equal(0, fast[0].StallCycles);
    }

    [Fact]
    public void Sim_run_exits_2_when_an_attention_layer_cannot_fit()
    {
        using var dir = new TempDirectory();
        var workload = Path.Combine(dir.Path, "w.yaml");
        File.WriteAllText(workload, "name: w\nops:\n  - {name: attn, kind: attention, heads: 1, seq_q: 16, seq_kv: 16, head_dim: 100000000}\n");
        var (code, _, error) = CliRunner.Run("run", Path.Combine(RepoPaths.Workloads, "arch", "tpu_like.yaml"), workload, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("w.yaml: cannot run on arch 'tpu-like': op 'attn' (fused attention): even a 1x1 fused block needs", error, StringComparison.Ordinal);
    }
}
