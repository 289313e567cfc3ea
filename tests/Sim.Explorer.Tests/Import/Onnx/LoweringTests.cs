using Sim.Core.Workloads;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>ONNX graph → workload ops, on tiny models whose ops, edges and MACs are derived by hand.</summary>
public class LoweringTests
{
    private static OnnxImport Lower(TinyOnnx model, OnnxLoweringOptions? options = null, params (string Name, long[] Dims)[] shapes) =>
        OnnxLowering.Lower(model.Infer(shapes), options);

    /// <summary>x[1,3,8,8] → conv 3x3/2 pad 1 → relu → depthwise 3x3 SAME_UPPER → reshape → matmul W[64,10] → softmax.</summary>
    private static TinyOnnx ConvNet() => new TinyOnnx()
        .Input("x", 1, 3, 8, 8).Weight("w1", 4, 3, 3, 3).Weight("w2", 4, 1, 3, 3).Weight("fc", 64, 10).Ints("shape", 1, 64)
        .Node("Conv", ["x", "w1"], ["c1"], ("strides", new long[] { 2, 2 }), ("pads", new long[] { 1, 1, 1, 1 }), ("kernel_shape", new long[] { 3, 3 }))
        .Node("Relu", ["c1"], ["r1"])
        .Node("Conv", ["r1", "w2"], ["dw"], ("group", 4L), ("auto_pad", "SAME_UPPER"))
        .Node("Reshape", ["dw", "shape"], ["flat"])
        .Node("MatMul", ["flat", "fc"], ["logits"])
        .Node("Softmax", ["logits"], ["prob"], ("axis", -1L))
        .Output("prob");

    [Fact]
    public void Conv_net_lowers_to_convs_vector_ops_and_a_gemm_with_edges_through_views()
    {
        var import = Lower(ConvNet());
        var ops = import.Workload.Ops;
        Assert.Equal(["conv1", "relu2", "conv3", "matmul5", "softmax6"], ops.Select(o => o.Name));

        // conv0: 8x8 padded to 10x10, 3x3 stride 2 -> 4x4; M = 16, N = 4, K = 27 -> 1728 MACs.
        var c1 = Assert.IsType<Conv2d>(ops[0]);
        Assert.Equal((4L, 4L, new GemmShape(16, 4, 27)), (c1.OfmapH, c1.OfmapW, c1.ToGemm()));
        Assert.Equal(["x"], c1.Inputs);
        var relu = Assert.IsType<VectorOp>(ops[1]);
        Assert.Equal(("relu", 64L, 64L), (relu.Function, relu.OutputElements, relu.InputElements));
        // Depthwise SAME_UPPER stride 1: pads 1 each side; per group M = 16, N = 1, K = 9; 4 groups -> 576 MACs.
        var dw = Assert.IsType<Conv2d>(ops[2]);
        Assert.Equal((4L, new ConvPads(1, 1, 1, 1), new GemmShape(16, 1, 9), 576L), (dw.Groups, dw.Pads, dw.ToGemm(), dw.Macs));
        // The Reshape is a view: the matmul reads the depthwise conv's output directly. 1x64 · 64x10 -> 640 MACs.
        var fc = Assert.IsType<Gemm>(ops[3]);
        Assert.Equal((new GemmShape(1, 10, 64), 1L), (fc.ToGemm(), fc.Batch));
        Assert.Equal(["conv3"], fc.Inputs);
        var softmax = Assert.IsType<VectorOp>(ops[4]);
        Assert.Equal(("softmax", 10L), (softmax.Function, softmax.Window));
        Assert.Equal(1728 + 576 + 640, import.Workload.TotalMacs);

        // Every node reported once: 4 constants/weights are not nodes here except the Reshape target (a Constant node).
        Assert.Equal(import.Nodes.Select(n => n.Index), Enumerable.Range(0, 7));
        Assert.Equal(NodeOutcome.Folded, import.Nodes.Single(n => n.OpType == "Constant").Outcome);
        Assert.Equal(NodeOutcome.View, import.Nodes.Single(n => n.OpType == "Reshape").Outcome);
        Assert.Equal("model", import.Workload.Name);
        Assert.Empty(import.Warnings);
    }

    /// <summary>q, k, v [1, 2, 5, 4] → kᵀ → q·kᵀ → ·scale → softmax → ·v.</summary>
    private static TinyOnnx Attention(bool mask = false)
    {
        var model = new TinyOnnx().Input("q", 1, 2, 5, 4).Input("k", 1, 2, 5, 4).Input("v", 1, 2, 5, 4).Floats("scale", 0.5f)
            .Node("Transpose", ["k"], ["kt"], ("perm", new long[] { 0, 1, 3, 2 }))
            .Node("MatMul", ["q", "kt"], ["s"]);
        if (mask)
            model.Input("m", 1, 2, 5, 5).Node("Add", ["s", "m"], ["ss"]);
        else
            model.Node("Mul", ["s", "scale"], ["ss"]);
        return model.Node("Softmax", ["ss"], ["p"], ("axis", -1L)).Node("MatMul", ["p", "v"], ["o"]).Output("o");
    }

    [Fact]
    public void Matmul_softmax_matmul_fuses_into_one_attention_op()
    {
        var import = Lower(Attention());
        var ops = import.Workload.Ops;
        Assert.Equal(["transpose1", "softmax4"], ops.Select(o => o.Name));
        var attention = Assert.IsType<AttentionLayer>(ops[1]);
        var a = attention.Shape;
        Assert.Equal((1L, 2L, 2L, 5L, 5L, 4L, false), (a.Batch, a.Heads, a.KvHeads, a.SeqQ, a.SeqKv, a.HeadDim, a.Causal));
        Assert.Equal(AttentionLowering.Fused, attention.Lowering);
        Assert.Equal(["q", "transpose1", "v"], attention.Inputs);
        // Both products: 1·2·5·5·4 = 200 MACs each, the sum of the two MatMuls it replaces.
        Assert.Equal(400, attention.Macs);
        Assert.Equal(4, import.Count(NodeOutcome.Fused));
        Assert.Equal(400, import.Nodes.Sum(n => n.Macs));
    }

    [Fact]
    public void Without_fusion_attention_is_two_batched_gemms_and_vector_ops()
    {
        var import = Lower(Attention(), new OnnxLoweringOptions(FuseAttention: false));
        var gemms = import.Workload.Ops.OfType<Gemm>().ToList();
        Assert.All(gemms, g => Assert.Equal((new GemmShape(5, g.N, g.K), 2L), (g.ToGemm(), g.Batch)));
        Assert.Equal([(5L, 4L), (4L, 5L)], gemms.Select(g => (g.N, g.K)));
        Assert.Equal(["transpose", "mul", "softmax"], import.Workload.Ops.OfType<VectorOp>().Select(v => v.Function));
        Assert.Equal(400, import.Workload.TotalMacs);
    }

    [Fact]
    public void A_run_time_mask_still_fuses_with_a_warning()
    {
        var import = Lower(Attention(mask: true));
        Assert.Single(import.Workload.Ops.OfType<AttentionLayer>());
        Assert.Contains(import.Warnings, w => w.Contains("mask", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_ops_and_everything_downstream_become_opaque_with_warnings()
    {
        var model = new TinyOnnx().Input("x", 1, 4).NodeIn("com.example", "Mystery", ["x"], ["y"]).Node("Relu", ["y"], ["z"]).Output("z");
        var import = Lower(model);
        var ops = import.Workload.Ops;
        Assert.All(ops, o => Assert.IsType<OpaqueOp>(o));
        Assert.Equal(["x"], ops[0].Inputs);
        Assert.Equal([ops[0].Name], ops[1].Inputs);
        Assert.Null(((OpaqueOp)ops[0]).OutputShape);
        Assert.Equal(2, import.Warnings.Count);
        Assert.Contains("Mystery", import.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(2, import.Count(NodeOutcome.Opaque));
    }

    [Fact]
    public void Nodes_reading_only_weights_are_weight_preparation_and_their_output_is_a_weight()
    {
        // w·2 feeds the conv as its weight: computed once offline, not an op, and not a DAG edge (the weight is too
        // large, 65·64 elements, for its value to be folded at import).
        var model = new TinyOnnx().Input("x", 1, 64, 4, 4).Weight("w", 65, 64, 1, 1).Floats("two", 2f)
            .Node("Mul", ["w", "two"], ["w2"]).Node("Conv", ["x", "w2"], ["y"]).Output("y");
        var import = Lower(model);
        var conv = Assert.IsType<Conv2d>(Assert.Single(import.Workload.Ops));
        Assert.Equal(["x"], conv.Inputs);
        Assert.Equal(NodeOutcome.WeightPreparation, import.Nodes.Single(n => n.OpType == "Mul").Outcome);
    }

    [Fact]
    public void Conv_transpose_and_shared_weight_matmul_take_their_gemm_views()
    {
        // ConvTranspose x[1,4,3,3], W[4,2,2,2], stride 2 -> [1,2,6,6]; MACs = 9 pixels · 4 in · 2 out · 4 taps = 288.
        // MatMul x[2,5,8]·W[8,3]: the weight is shared, so the batch folds into M = 10.
        var model = new TinyOnnx().Input("x", 1, 4, 3, 3).Weight("w", 4, 2, 2, 2).Input("t", 2, 5, 8).Weight("p", 8, 3)
            .Node("ConvTranspose", ["x", "w"], ["y"], ("strides", new long[] { 2, 2 }))
            .Node("MatMul", ["t", "p"], ["z"]).Output("y").Output("z");
        var ops = Lower(model).Workload.Ops;
        var up = Assert.IsType<ConvTranspose2d>(ops[0]);
        Assert.Equal((6L, 6L, 2L, 288L), (up.OfmapH, up.OfmapW, up.Filters, up.Macs));
        var mm = Assert.IsType<Gemm>(ops[1]);
        Assert.Equal((new GemmShape(10, 3, 8), 1L), (mm.ToGemm(), mm.Batch));
    }

    [Fact]
    public void Imported_workloads_round_trip_through_workload_yaml()
    {
        var import = Lower(ConvNet());
        var text = Sim.Core.Config.WorkloadYamlWriter.Write(import.Workload);
        var again = Sim.Core.Config.WorkloadYaml.Parse("again.yaml", text);
        Assert.Equal(text, Sim.Core.Config.WorkloadYamlWriter.Write(again));
        Assert.Equal(import.Workload.TotalMacs, again.TotalMacs);
    }

    [Fact]
    public void Matmul_batch_is_the_broadcast_product_of_both_sides_batch_dims()
    {
        // [2,1,4,8]·[1,3,8,5] -> [2,3,4,5]: 6 GEMMs of 4x5x8 = 960 MACs (not max(2, 3) of them).
        // [3,1,4,8]·W[2,8,5]: the weight has its own batch dim, so nothing folds: 6 GEMMs again.
        var model = new TinyOnnx().Input("a", 2, 1, 4, 8).Input("b", 1, 3, 8, 5).Input("c", 3, 1, 4, 8).Weight("w", 2, 8, 5)
            .Node("MatMul", ["a", "b"], ["y"]).Node("MatMul", ["c", "w"], ["z"]).Output("y").Output("z");
        var gemms = Lower(model).Workload.Ops.Cast<Gemm>().ToList();
        Assert.All(gemms, g => Assert.Equal((new GemmShape(4, 5, 8), 6L, 960L), (g.ToGemm(), g.Batch, g.Macs)));
    }

    [Fact]
    public void A_constant_add_before_the_softmax_fuses_with_a_warning()
    {
        var model = new TinyOnnx().Input("q", 1, 2, 5, 4).Input("kt", 1, 2, 4, 5).Input("v", 1, 2, 5, 4).Weight("bias", 1, 2, 5, 5)
            .Node("MatMul", ["q", "kt"], ["s"]).Node("Add", ["s", "bias"], ["sb"]).Node("Softmax", ["sb"], ["p"], ("axis", -1L))
            .Node("MatMul", ["p", "v"], ["o"]).Output("o");
        var import = Lower(model);
        Assert.Single(import.Workload.Ops.OfType<AttentionLayer>());
        Assert.Contains(import.Warnings, w => w.Contains("mask or bias", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_moves_every_output_element()
    {
        // [1,8,4,4] into two halves: 128 elements written in all.
        var model = new TinyOnnx().Input("x", 1, 8, 4, 4).Node("Split", ["x"], ["a", "b"], ("axis", 1L)).Output("a").Output("b");
        var split = Assert.IsType<VectorOp>(Assert.Single(Lower(model).Workload.Ops));
        Assert.Equal(("slice", 128L, 128L), (split.Function, split.MovedElements, split.InputElements));
    }

    /// <summary>x[1,4,6] → a layer norm over the last axis written out op by op, γ and β of 6.</summary>
    private static TinyOnnx LayerNorm(bool extraUse = false)
    {
        var model = new TinyOnnx(opset: 13).Input("x", 1, 4, 6).Floats("two", 2f).Floats("eps", 1e-5f)
            .Floats("gamma", 1, 1, 1, 1, 1, 1).Floats("beta", 0, 0, 0, 0, 0, 0)
            .Node("ReduceMean", ["x"], ["mu"], ("axes", new long[] { -1 }))
            .Node("Sub", ["x", "mu"], ["d"]).Node("Pow", ["d", "two"], ["d2"])
            .Node("ReduceMean", ["d2"], ["var"], ("axes", new long[] { -1 }))
            .Node("Add", ["var", "eps"], ["ve"]).Node("Sqrt", ["ve"], ["sd"]).Node("Div", ["d", "sd"], ["n"])
            .Node("Mul", ["n", "gamma"], ["g"]).Node("Add", ["g", "beta"], ["y"]).Output("y");
        return extraUse ? model.Node("Relu", ["d"], ["r"]).Output("r") : model;
    }

    [Fact]
    public void A_layer_norm_written_out_op_by_op_fuses_into_one_layer_norm_op()
    {
        var import = Lower(LayerNorm());
        var norm = Assert.IsType<VectorOp>(Assert.Single(import.Workload.Ops));
        Assert.Equal(("layer_norm", 24L, 6L, 12L), (norm.Function, norm.OutputElements, norm.Window, norm.ParameterElements));
        Assert.Equal(["x"], norm.Inputs);
        Assert.Equal(9, import.Count(NodeOutcome.Fused));

        // Fusion off, or the difference d used elsewhere: nine separate vector ops.
        Assert.Equal(9, Lower(LayerNorm(), new OnnxLoweringOptions { FuseLayerNorm = false }).Workload.Ops.Count);
        Assert.DoesNotContain(Lower(LayerNorm(extraUse: true)).Workload.Ops.OfType<VectorOp>(), v => v.Function == "layer_norm");
    }
}
