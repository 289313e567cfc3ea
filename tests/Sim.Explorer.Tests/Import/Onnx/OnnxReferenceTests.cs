namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>
/// The committed ORT reference fixtures agree with themselves and with the real models: a fixture that lost a node or
/// mis-summed its MACs would make every importer comparison built on it meaningless.
/// </summary>
public sealed class OnnxReferenceTests
{
    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var (model, shape) in OnnxReference.Committed)
            data.Add(model, shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_totals_are_the_sums_of_its_nodes(string model, string shape)
    {
        var reference = OnnxReference.Load(model, shape);

        var gemmLike = reference.Nodes.Where(n => n.Macs is not null).ToList();
        Assert.Equal(reference.TotalMacs, gemmLike.Sum(n => n.Macs!.Value));
        var byType = gemmLike.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Sum(n => n.Macs!.Value));
        Assert.Equal(byType.OrderBy(p => p.Key, StringComparer.Ordinal), reference.MacsByOpType.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(reference.Nodes, n => Assert.Equal(n.OpType is "Conv" or "ConvTranspose" or "MatMul" or "Gemm", n.Macs is not null));
        Assert.Equal(reference.NodeCount, reference.ConstantCount + reference.Nodes.Count);
        Assert.All(reference.Nodes.SelectMany(n => n.Outputs), o => Assert.All(o.Shape, d => Assert.True(d > 0, $"{o.Name} has a zero dim")));
    }

    /// <summary>MACs recomputed here from the fixture's own shapes, by the formulas in reference.mjs's header.</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_macs_follow_from_its_shapes(string model, string shape)
    {
        var reference = OnnxReference.Load(model, shape);
        var nodes = OnnxNodeScan.Read(OcrModels.PathOf(model));

        foreach (var node in reference.Nodes.Where(n => n.Macs is not null))
        {
            var y = node.Outputs[0].Shape;
            var w = node.WeightShape!;
            var inputs = nodes[node.Index].Inputs;
            long expected = node.OpType switch
            {
                "Conv" => Product(y) * Product(w.Skip(1)),
                "ConvTranspose" => Product(reference.ShapeOf(inputs[0])!) * Product(w.Skip(1)),
                "MatMul" => Product(y) * reference.ShapeOf(inputs[0])![^1],
                _ => throw new InvalidDataException($"no Gemm in the OCR models, found {node.OpType}"),
            };
            Assert.True(expected == node.Macs, $"{model} {node.Name}: fixture {node.Macs}, recomputed {expected}");
        }
    }

    /// <summary>Checked against the model file itself (a wire-format scan, neither ORT nor the importer).</summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_lists_every_non_constant_node_of_the_model(string model, string shape)
    {
        var reference = OnnxReference.Load(model, shape);
        var path = OcrModels.PathOf(model);
        var nodes = OnnxNodeScan.Read(path);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), reference.ModelSha256);
        Assert.Equal(nodes.Count, reference.NodeCount);
        Assert.Equal(nodes.Count(n => n.OpType == "Constant"), reference.ConstantCount);
        var expected = nodes.Select((n, i) => (n, i)).Where(p => p.n.OpType != "Constant")
            .Select(p => (p.i, p.n.Name, p.n.OpType, string.Join(',', p.n.Outputs)));
        var listed = reference.Nodes.Select(n => (n.Index, n.Name, n.OpType, string.Join(',', n.Outputs.Select(o => o.Name))));
        Assert.Equal(expected, listed);
    }

    /// <summary>Hand check of one number per model type, so the fixtures cannot drift unnoticed.</summary>
    [Fact]
    public void Classifier_first_conv_matches_a_hand_computation()
    {
        var reference = OnnxReference.Load(OcrModels.Classifier, "1x3x48x192");
        var conv = reference.Nodes.First(n => n.OpType == "Conv");

        // 3×3 stride-2 conv, 3 → 8 channels, on 48×192 (pad 1): output 24×96; MACs = 1·8·24·96 · 3·3·3.
        Assert.Equal([1L, 8, 24, 96], conv.Outputs[0].Shape);
        Assert.Equal([8L, 3, 3, 3], conv.WeightShape!);
        Assert.Equal(1L * 8 * 24 * 96 * 3 * 3 * 3, conv.Macs);
    }

    private static long Product(IEnumerable<long> dims) => dims.Aggregate(1L, (a, d) => checked(a * d));
}
