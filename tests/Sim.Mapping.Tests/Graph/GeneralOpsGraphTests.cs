using Sim.Core.Workloads;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>Tensor sizes of the imported-network op kinds, worked out by hand from their shapes.</summary>
public class GeneralOpsGraphTests
{
    private static Workload Net(OpaqueOp? tail = null) => new("net", [
        // Depthwise 3×3 over 16 channels of 8×8, padding 1: out 8·8·16, in 8·8·16, weights 3·3·(16/16)·16.
        new Conv2d("dw", 8, 8, 3, 3, 16, 16, 1, 1, 1, ["image"]) { Groups = 16 },
        // 16 → 8 channels, 2 groups, 2×2 taps, stride 2 over 8×8: out (8−1)·2 + 2 = 16 → 16·16·8; in 8·8·16; weights 2·2·16·(8/2).
        new ConvTranspose2d("up", 8, 8, 2, 2, 16, 8, 2, 2, default, 1, ["dw"]) { Groups = 2 },
        // 8 independent 40×32 · 32×40 products: out 8·40·40, A 8·40·32, B 8·32·40.
        new Gemm("qk", 40, 40, 32, ["up"]) { Batch = 8 },
        // Softmax over the 8·40·40 scores, no constants.
        new VectorOp("sm", ["qk"], "softmax", [8, 40, 40], 12_800, 40, 0),
        // Batch norm with 2·8 parameters over a 1·8·16·16 tensor.
        new VectorOp("bn", ["up"], "batch_norm", [1, 8, 16, 16], 2048, 1, 16),
        tail ?? new OpaqueOp("nms", ["sm", "bn"], "NonMaxSuppression", [1, 100, 3], "no shape rule"),
    ]);

    [Fact]
    public void Every_kind_has_its_output_operand_and_parameter_words()
    {
        var ops = Net().Ops.ToDictionary(o => o.Name);
        long[] Words(string name) => [TensorGraphBuilder.OutputWords(ops[name]), TensorGraphBuilder.OperandWords(ops[name]), TensorGraphBuilder.ParameterWords(ops[name])];
        Assert.Equal([1024L, 1024, 144], Words("dw"));
        Assert.Equal([2048L, 1024, 256], Words("up"));
        Assert.Equal([12_800L, 10_240, 10_240], Words("qk"));
        Assert.Equal([12_800L, 12_800, 0], Words("sm"));
        Assert.Equal([2048L, 2048, 16], Words("bn"));
        // An opaque op's reads are unknown: taken as its output's size; no parameters.
        Assert.Equal([300L, 300, 0], Words("nms"));
    }

    [Fact]
    public void The_graph_sizes_tensors_and_parameters_for_every_kind()
    {
        var graph = TensorGraphBuilder.From(Net(), wordBytes: 2, includeParameters: true);
        var size = graph.Tensors.ToDictionary(t => t.Name, t => t.SizeBytes);
        Assert.Equal(2 * 1024, size["image"]);          // dw's operand
        Assert.Equal(2 * 2048, size["up"]);
        Assert.Equal(2 * 12_800, size["qk"]);
        Assert.Equal(2 * 300, size["nms"]);
        Assert.Equal(2 * 144, size["dw.params"]);
        Assert.Equal(2 * 256, size["up.params"]);
        Assert.Equal(2 * 10_240, size["qk.params"]);
        Assert.Equal(2 * 16, size["bn.params"]);
        // Ops without constants get no parameter tensor (a tensor must have a positive size).
        Assert.False(size.ContainsKey("sm.params"));
        Assert.False(size.ContainsKey("nms.params"));
        // bn reads its operand share (2048 words) of up's output; nms reads as much as it writes of each input.
        var bn = graph.Operators.Single(o => o.Name == "bn");
        Assert.Equal(2 * 2048, bn.InputReadBytes[0]);
        var nms = graph.Operators.Single(o => o.Name == "nms");
        Assert.Equal([600L, 600], nms.InputReadBytes);
    }

    [Fact]
    public void An_opaque_op_of_unknown_shape_is_an_error_naming_it()
    {
        var unknown = new OpaqueOp("nms", ["sm"], "NonMaxSuppression", null, "op type has no shape rule");
        var e = Assert.Throws<ArgumentException>(() => TensorGraphBuilder.From(Net(unknown), wordBytes: 1));
        Assert.Contains("opaque op 'nms' (NonMaxSuppression) has no known output shape", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gemm_of_two_produced_operands_reads_a_and_b_as_tensors_and_has_no_parameters()
    {
        // q (8·40·32 words) · kt (8·32·40) with both produced: the GEMM reads each whole, A then B; no parameter tensor.
        var workload = new Workload("attn", [
            new VectorOp("q", ["x"], "copy", [8, 40, 32], 10_240, 1, 0),
            new VectorOp("kt", ["x"], "transpose", [8, 32, 40], 10_240, 1, 0),
            new Gemm("qk", 40, 40, 32, ["q", "kt"]) { Batch = 8 },
        ]);
        Assert.Equal(0, TensorGraphBuilder.ParameterWords(workload.Ops[2]));
        var graph = TensorGraphBuilder.From(workload, wordBytes: 1, includeParameters: true);
        var qk = graph.Operators.Single(o => o.Name == "qk");
        Assert.Equal([10_240L, 10_240], qk.InputReadBytes);
        Assert.DoesNotContain(graph.Tensors, t => t.Name == "qk.params");
    }

    [Fact]
    public void A_vector_op_reading_no_activation_loads_no_feature_map()
    {
        // A cast of constants only (input_elements 0, no inputs): no zero-byte "c.in" tensor (which the graph would reject).
        var workload = new Workload("zero", [new VectorOp("c", [], "cast", [4, 4], 0, 1, 16), new VectorOp("r", ["c"], "relu", [4, 4], 16, 1, 0)]);
        var graph = TensorGraphBuilder.From(workload, wordBytes: 1);
        Assert.DoesNotContain(graph.Tensors, t => t.Name == "c.in");
        Assert.Empty(graph.Operators.Single(o => o.Name == "c").Inputs);
    }
}
