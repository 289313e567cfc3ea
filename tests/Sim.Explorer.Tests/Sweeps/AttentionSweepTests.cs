using Sim.Core.Config;
using Sim.Explorer.AttentionSweeps;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Sweeps;

public class AttentionSweepTests
{
    private const string Spec = """
        attention:
          name: attn-test
          base:
            name: b
            word_bytes: 2
            tile: {kind: systolic, rows: 16, cols: 16, dataflow: os}
            scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}
            dram: {bandwidth_bytes_per_cycle: 32}
            vector: {lanes: 64}
          shapes:
            - {name: enc, batch: 2, heads: 4, head_dim: 32}
            - {name: dec, batch: 2, heads: 4, kv_heads: 2, head_dim: 32, causal: true, phase: decode}
          seq: [128, 256, 512]
        """;

    private static AttentionSweepSpec Read(string text) => AttentionSweepSpec.Read(new InputFile("s.yaml", text, false));

    [Fact]
    public void Spec_reads_shapes_lengths_and_default_lowerings()
    {
        var spec = Read(Spec);
        Assert.Equal("attn-test", spec.Name);
        Assert.Equal(64, spec.Arch.Vector.Lanes);
        Assert.Equal([128L, 256, 512], spec.Seqs);
        Assert.Equal(3, spec.Lowerings.Count);
        Assert.Equal(18, spec.PointCount);
        Assert.Equal(new Core.Workloads.Attention("enc", 2, 4, 4, 256, 256, 32, false), spec.Shapes[0].At(256));
        Assert.Equal(new Core.Workloads.Attention("dec", 2, 4, 2, 1, 256, 32, true), spec.Shapes[1].At(256));
    }

    [Theory]
    [InlineData("seq: [128, 256, 512]", "seq: [128, x]", "s.yaml:13:14: field 'attention.seq[1]': 'x' is not a sequence length. Fix:")]
    [InlineData("seq: [128, 256, 512]", "seq: [128, 128]", "field 'attention.seq': a sequence length is listed twice")]
    [InlineData("seq: [128, 256, 512]", "seq: [128]\n  lowerings: [fused, flash]", "field 'attention.lowerings[1]': unknown lowering 'flash'. Fix: use unfused, two-pass or fused")]
    [InlineData("kv_heads: 2", "kv_heads: 3", "s.yaml:12:7: field 'attention.shapes[1].kv_heads': 3 does not divide heads 4. Fix:")]
    [InlineData("phase: decode", "phase: train", "field 'attention.shapes[1].phase': unknown phase 'train'. Fix:")]
    [InlineData("causal: true", "causal: yes", "field 'attention.shapes[1].causal': 'yes' is not true or false")]
    [InlineData("head_dim: 32}\n", "head_dim: 32, dim: 4}\n", "field 'attention.shapes[0].dim': unknown key")]
    [InlineData("lanes: 64", "lanes: -1", "field 'attention.base.vector.lanes': -1 is below the minimum 1")]
    [InlineData("name: attn-test", "name: attn test", "field 'attention.name': 'attn test' cannot be used as a folder name")]
    [InlineData("seq: [128, 256, 512]", "seq: [128]\n  fused_block: fa2", "field 'attention.fused_block': unknown block policy 'fa2'. Fix: use auto")]
    public void Bad_specs_name_file_line_field_and_fix(string find, string replace, string expected)
    {
        var text = Spec.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Spec, text);
        var e = Assert.Throws<SimInputException>(() => Read(text));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_writes_points_and_plots_and_reruns_byte_identically()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("attention.yaml", Spec);
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run("sweep", spec, "-o", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("18 points", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "points.csv", "dram_vs_seq_enc.png", "dram_vs_seq_enc.svg", "latency_vs_seq_dec.png", "latency_vs_seq_dec.svg" })
            Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
        var first = File.ReadAllBytes(Path.Combine(output, "points.csv"));
        (code, _, _) = CliRunner.Run("sweep", spec, "-o", output);
        Assert.Equal(0, code);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(output, "points.csv")));

        var rows = ResultsCsv.Read<AttentionPointRow>(Path.Combine(output, "points.csv"));
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.Equal("ok", r.Status));
        // Per pass columns add up to the total; a lowering's absent passes are 0.
        Assert.All(rows, r => Assert.Equal(r.DramBytes, r.DramQkBytes + r.DramMaxBytes + r.DramSumBytes + r.DramNormalizeBytes + r.DramPvBytes + r.DramFusedBytes));
        Assert.All(rows.Where(r => r.Lowering == "two-pass"), r => Assert.Equal(0, r.DramMaxBytes));
        Assert.All(rows.Where(r => r.Lowering == "fused"), r => Assert.Equal(r.DramBytes, r.DramFusedBytes));
    }

    [Fact]
    public void Shipped_sweep_shows_quadratic_unfused_and_linear_resident_fused_traffic()
    {
        var spec = AttentionSweepSpec.Read(InputFile.Read(Path.Combine(RepoPaths.Workloads, "sweeps", "attention.yaml")));
        Assert.Equal(48, spec.PointCount);
        var rows = AttentionSweepRunner.Run(spec);
        Assert.All(rows, r => Assert.Equal("ok", r.Status));
        Assert.All(rows, r => Assert.Equal(r.Lowering == "fused" ? "auto" : "", r.FusedBlock));
        var prefill = rows.Where(r => r.Shape == "bert-prefill").ToList();
        double Slope(IEnumerable<AttentionPointRow> line) =>
            Sim.Explorer.Analysis.LogLogSlope.Fit(line.Select(r => ((double)r.SeqKv, (double)r.DramBytes)).ToList());
        // Unfused: 6·|S| ∝ seq²; past 4K a head's Q (seq·d·2 B) outgrows the 512 KB ifmap scratchpad and the tile
        // re-reads it per column fold, an extra seq²·d/128 term, so the slope ends just above 2.
        Assert.InRange(Slope(prefill.Where(r => r.Lowering == "unfused")), 1.95, 2.05);
        Assert.Equal(1.0, Slope(prefill.Where(r => r.Lowering == "fused" && r.KvResident)), 9);
        // Streamed K/V: re-read once per 1024-row block, quadratic (the linear Q/O terms pull the 8K end down a little).
        Assert.InRange(Slope(prefill.Where(r => r.Lowering == "fused" && !r.KvResident)), 1.9, 2.0);
        // Fused traffic stays below two-pass below unfused at every length; fused buffer need is one value.
        foreach (var seq in spec.Seqs)
        {
            var at = prefill.Where(r => r.SeqKv == seq).ToDictionary(r => r.Lowering, r => r.DramBytes);
            Assert.True(at["fused"] < at["two-pass"] && at["two-pass"] < at["unfused"], $"seq {seq}");
        }

        // Once K and V outgrow the chip (8K on) the searched block stops changing with seq and fills whole 128-row folds.
        var streamed = prefill.Where(r => r.Lowering == "fused" && r.SeqKv >= 8192).Select(r => (r.BlockRows, r.BlockCols)).Distinct().ToList();
        Assert.Single(streamed);
        Assert.True(streamed[0].BlockRows >= 128 && streamed[0].BlockRows % 128 == 0, $"block {streamed[0]}");
        Assert.Single(prefill.Where(r => r.Lowering == "fused" && r.SeqKv >= 8192).Select(r => r.BufferNeedBytes).Distinct());
    }
}
