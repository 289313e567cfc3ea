using Sim.Core.Config;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Core.Tests.Config.MappingYamlFixture;

namespace Sim.Core.Tests.Config;

public class MappingYamlErrorTests
{
    [Theory]
    [InlineData("dataflow: ws", "dataflow: ws\n    tiling: {}", "m.yaml:9:5: field 'layers[0].tiling': unknown key")]
    [InlineData("register: {P: 8}", "register: {X: 8}", "m.yaml:9:16: field 'layers[0].register.X': unknown key. Fix: did you mean 'N'? known keys here: N, K, C, P, Q, R, S")]
    [InlineData("register: {K: 16}", "register: {C: 16}", "field 'layers[1].register.C': unknown key. Fix: did you mean 'M'? known keys here: M, N, K")]
    [InlineData("register: {K: 16}", "register: {K: 0}", "m.yaml:18:19: field 'layers[1].register.K': 0 is below the minimum 1")]
    [InlineData("dram: {N: 2, K: 16}", "dram: {N: 2, K: 8}", "m.yaml:16:11: field 'layers[1].dims': the factors of K multiply to 512 (register 16 × spatial 1 × scratchpad 4 × dram 8), not its bound 1024. Fix: choose factors of K whose product is 1024")]
    [InlineData("cols: {K: 8}", "cols: {K: 16}", "the factors of K multiply to 32 (register 1 × spatial 16 × scratchpad 1 × dram 2), not its bound 16")]
    [InlineData("register: {K: 16}", "register: {K: 2048}", "field 'layers[1].register.K': 2048 is above the maximum 1024")]
    [InlineData("spatial: {rows: {M: 8}, cols: {N: 5}}", "spatial: {rows: {M: 64}, cols: {N: 10}}", "the factors of M multiply to 512 (register 1 × spatial 64 × scratchpad 8 × dram 1), not its bound 64")]
    [InlineData("dram_order: [N, K, M]", "dram_order: [N, K, K]", "m.yaml:23:24: field 'layers[1].dram_order[2]': K is listed twice. Fix: list each of M, N, K once, outermost first")]
    [InlineData("dram_order: [N, K, M]", "dram_order: [N, K]", "field 'layers[1].dram_order': the order lists 2 of the 3 dims. Fix: list each of M, N, K once, outermost first (missing: M)")]
    [InlineData("dram_order: [N, K, M]", "dram_order: [N, K, P]", "field 'layers[1].dram_order[2]': 'P' is not a dim of this GEMM. Fix: use the dim names M, N, K")]
    [InlineData("scratchpad_order: [N, K, C, P, Q, R, S]", "scratchpad_order: [N, K, C, P, Q, R]", "field 'layers[0].scratchpad_order': the order lists 6 of the 7 dims")]
    [InlineData("dims: {M: 64,", "dims: {M: 32,", "m.yaml:16:15: field 'layers[1].dims.M': M is 32 here, but op 'fc' of workload 'tiny' has M = 64. Fix: the mapping was made for another shape")]
    [InlineData("stride: 1", "stride: 2", "field 'layers[0].stride': stride is 2 here, but op 'c1' has stride 1")]
    [InlineData("    dataflow: os", "    stride: 1\n    dataflow: os", "field 'layers[1].stride': unknown key")]
    [InlineData("name: fc", "name: fc2", "field 'layers[1].name': workload 'tiny' has no op named 'fc2'. Fix: use the name of one of its GEMM/conv ops: c1, fc")]
    [InlineData("name: fc", "name: c1", "field 'layers[1].name': layer 'c1' already has an entry (line 5). Fix: keep one entry per layer")]
    [InlineData("dataflow: os", "dataflow: xs", "field 'layers[1].dataflow': 'xs' is not a dataflow")]
    [InlineData("{rows: {M: 8}, cols: {N: 5}}", "{rows: {M: 8}, cols: {N: 5}, depth: {}}", "field 'layers[1].spatial.depth': unknown key. Fix: known keys here: rows, cols")]
    [InlineData("{rows: {M: 8}, cols: {N: 5}}", "{rows: {M: 8, N: 5}}", "field 'layers[1].spatial.cols': required field is missing")]
    [InlineData("objective: latency", "objective: speed", "m.yaml:3:12: field 'objective': unknown objective 'speed'. Fix: use one of latency, energy, edp")]
    [InlineData("workload: tiny", "workload: resnet50", "field 'workload': the file maps workload 'resnet50', not 'tiny'")]
    [InlineData("arch: small", "arch: small\nlayer: []", "field 'layer': unknown key. Fix: did you mean 'layers'?")]
    [InlineData("dram_order: [N, K, M]", "dram_order: [N, K, M]\n    model: {latency_cycles: 1, dram_bytes: 2, energy_pj: 3, utilization: 1.5}", "field 'layers[1].model.utilization': utilization is outside [0, 1]")]
    public void Each_mistake_names_the_file_line_field_and_a_fix(string find, string replace, string expected)
    {
        var text = Text.ReplaceLineEndings("\n");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var e = Assert.Throws<SimInputException>(() => Parse(text.Replace(find, replace, StringComparison.Ordinal)));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
        Assert.Contains("Fix: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_op_with_no_entry_is_named()
    {
        var text = Text.ReplaceLineEndings("\n");
        var withoutFc = text[..text.IndexOf("  - name: fc", StringComparison.Ordinal)];
        var e = Assert.Throws<SimInputException>(() => Parse(withoutFc));
        Assert.Contains("m.yaml:5:3: field 'layers': no entry for the op fc of workload 'tiny' (every GEMM and conv op needs one; attention keeps its own model)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attention_needs_no_entry_and_cannot_have_one()
    {
        var attention = new AttentionLayer("attn", new Attention("attn", 1, 2, 2, 8, 8, 16, false), AttentionLowering.Fused, ["fc"]);
        var workload = new Workload("tiny", [.. Tiny.Ops, attention]);
        Assert.Equal(2, Parse(Text, Systolic(workload)).Layers.Count);

        var withEntry = Text.ReplaceLineEndings("\n") + "\n  - {name: attn, dataflow: os}";
        var e = Assert.Throws<SimInputException>(() => Parse(withEntry, Systolic(workload)));
        Assert.Contains("field 'layers[2].name': op 'attn' is attention: it keeps its own model and takes no mapping. Fix: remove this entry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataflow_the_tile_cannot_run_is_rejected()
    {
        // An output-stationary engine (cube, 2-D matrix): c1's weights-stationary entry cannot run on it.
        var e = Assert.Throws<SimInputException>(() => Parse(Text, new MappingTarget(Tiny, ["rows", "cols"], [DataSpace.Outputs])));
        Assert.Contains("m.yaml:8:15: field 'layers[0].dataflow': this tile cannot hold weights in its PEs (ws). Fix: use os", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cube_needs_the_depth_axis()
    {
        var e = Assert.Throws<SimInputException>(() => Parse(Text, new MappingTarget(Tiny, ["rows", "cols", "depth"], DataSpaces.All)));
        Assert.Contains("field 'layers[0].spatial.depth': required field is missing. Fix: add 'depth: ...'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_of_attention_only_needs_no_layers_list()
    {
        var workload = new Workload("attn-only", [new AttentionLayer("a", new Attention("a", 1, 2, 2, 8, 8, 16, false), AttentionLowering.Fused, [])]);
        var text = MappingYamlWriter.Write(new MappingFile("attn-only", "small", "latency", []));
        Assert.DoesNotContain("layers", text, StringComparison.Ordinal);
        Assert.Empty(Parse(text, Systolic(workload)).Layers);
        var e = Assert.Throws<SimInputException>(() => Parse("workload: tiny\narch: small\nobjective: latency\n"));
        Assert.Contains("field 'layers': required field is missing", e.Message, StringComparison.Ordinal);
    }
}
