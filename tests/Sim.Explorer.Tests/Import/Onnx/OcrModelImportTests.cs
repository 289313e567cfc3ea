using Sim.Core.Workloads;
using Sim.Explorer.Import.Onnx;
using Sim.Explorer.Import.Onnx.Inference;
using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>
/// The real PaddleOCR models (fetched by scripts/fetch-ocr-models.sh) against ONNX Runtime's own execution
/// (Reference/*.json, from scripts/onnx-reference): every node's output shape and every GEMM-like node's MACs.
/// </summary>
public class OcrModelImportTests
{
    public static TheoryData<string, string> Models => new()
    {
        { OcrModels.Detector, "1x3x640x640" },
        { OcrModels.Recognizer, "1x3x48x320" },
        { OcrModels.Classifier, "1x3x48x192" },
    };

    private static (InferredGraph Graph, OnnxImport Import, OnnxReference Reference) Load(string model, string shape)
    {
        var reference = OnnxReference.Load(model, shape);
        var path = OcrModels.PathOf(model);
        var graph = OnnxShapeInference.Infer(OnnxReader.Read(path), new Dictionary<string, long[]> { [reference.Input.Name] = [.. reference.Input.Shape] });
        return (graph, OnnxLowering.Lower(graph), reference);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_node_output_shape_equals_onnx_runtime(string model, string shape)
    {
        var (graph, _, reference) = Load(model, shape);
        Assert.Equal(reference.NodeCount, graph.Nodes.Count);
        var compared = 0;
        foreach (var node in reference.Nodes)
        {
            foreach (var output in node.Outputs)
            {
                Assert.True(graph.TryGet(output.Name, out var info), $"{node.Name}: no inferred shape for '{output.Name}'");
                Assert.True(output.Shape.SequenceEqual(info.Shape), $"{node.Name} ({node.OpType}) '{output.Name}': ORT [{string.Join(",", output.Shape)}], ours [{string.Join(",", info.Shape)}]");
                compared++;
            }
        }

        Assert.True(compared >= reference.NodeCount - reference.ConstantCount);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Macs_per_node_and_in_total_equal_onnx_runtime(string model, string shape)
    {
        var (_, import, reference) = Load(model, shape);
        var ours = import.Nodes.ToDictionary(n => n.Index);
        foreach (var node in reference.Nodes.Where(n => n.Macs is not null))
        {
            var entry = ours[node.Index];
            if (entry.Outcome == NodeOutcome.Fused)
                continue; // a fused attention's MACs sit on its last node; the totals below cover them
            Assert.True(node.Macs == entry.Macs, $"{node.Name} ({node.OpType}): ORT {node.Macs} MACs, ours {entry.Macs}");
        }

        Assert.Equal(reference.TotalMacs, import.Workload.TotalMacs);
        Assert.Equal(reference.TotalMacs, import.Nodes.Sum(n => n.Macs));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_node_is_accounted_for_and_none_is_opaque(string model, string shape)
    {
        var (graph, import, _) = Load(model, shape);
        Assert.Equal(graph.Nodes.Select(n => n.Index), import.Nodes.Select(n => n.Index));
        Assert.Equal(0, import.Count(NodeOutcome.Opaque));
        Assert.Empty(import.Warnings);
        // Every lowered/fused node names an op of the workload; every op comes from a node.
        var opNames = import.Workload.Ops.Select(o => o.Name).ToHashSet();
        Assert.All(import.Nodes.Where(n => n.Outcome is NodeOutcome.Lowered or NodeOutcome.Fused), n => Assert.Contains(n.OpName!, opNames));
        Assert.Equal(import.Workload.Ops.Count, import.Count(NodeOutcome.Lowered)
            + import.Nodes.Where(n => n.Outcome == NodeOutcome.Fused).Select(n => n.OpName).Distinct().Count());
    }

    [Fact]
    public void Recognizer_attention_blocks_fuse_into_two_attention_ops()
    {
        // PP-OCRv4's SVTR neck: 2 blocks of 8 heads × 15 dims over 40 width tokens (320 / 8).
        var (_, import, _) = Load(OcrModels.Recognizer, "1x3x48x320");
        var attention = import.Workload.Ops.OfType<AttentionLayer>().ToList();
        Assert.Equal(2, attention.Count);
        Assert.All(attention, a => Assert.Equal((1L, 8L, 40L, 40L, 15L), (a.Shape.Batch, a.Shape.Heads, a.Shape.SeqQ, a.Shape.SeqKv, a.Shape.HeadDim)));
        Assert.All(attention, a => Assert.Equal(2 * 8 * 40 * 40 * 15, a.Macs));
    }

    [Fact]
    public void Detector_depthwise_convs_keep_their_groups()
    {
        var (_, import, _) = Load(OcrModels.Detector, "1x3x640x640");
        var convs = import.Workload.Ops.OfType<Conv2d>().ToList();
        var depthwise = convs.Where(c => c.Groups > 1).ToList();
        Assert.NotEmpty(depthwise);
        Assert.All(depthwise, c => Assert.Equal((c.Channels, c.Filters, 1L), (c.Groups, c.Groups, c.ToGemm().N)));
        Assert.Equal(2, import.Workload.Ops.OfType<ConvTranspose2d>().Count());
    }

    [Fact]
    public void Recognizer_layer_norms_written_out_op_by_op_fuse_into_five_layer_norm_ops()
    {
        // SVTR's five LayerNorms over 120 channels of 40 tokens, each ReduceMean → Sub → Pow → ReduceMean → Add → Sqrt →
        // Div → Mul → Add (9 nodes), γ and β 120 each.
        var (_, import, _) = Load(OcrModels.Recognizer, "1x3x48x320");
        var norms = import.Workload.Ops.OfType<VectorOp>().Where(v => v.Function == "layer_norm").ToList();
        Assert.Equal(5, norms.Count);
        Assert.All(norms, n => Assert.Equal((4800L, 120L, 240L), (n.OutputElements, n.Window, n.ParameterElements)));
        Assert.Equal(45, import.Nodes.Count(n => n.LoweredAs.Contains("layer_norm", StringComparison.Ordinal)));
    }
}
