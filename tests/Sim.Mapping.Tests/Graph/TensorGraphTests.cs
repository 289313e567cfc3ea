using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

public class TensorGraphTests
{
    [Fact]
    public void Producers_consumers_and_graph_outputs_are_derived()
    {
        var graph = GraphFixtures.Diamond();
        Assert.Equal((TensorOrigin.GraphInput, (int?)null), (graph.Tensors[0].Origin, graph.Tensors[0].Producer));
        Assert.Equal([1, 3], graph.Tensors[1].Consumers);
        Assert.Equal([false, false, false, false, true], graph.Tensors.Select(t => t.IsGraphOutput));
        var explicitOutput = new TensorGraph([new("x", 1), new("a", 2), new("b", 3)], [new("p", [0], [1]), new("q", [1], [2])], [1]);
        Assert.True(explicitOutput.Tensors[1].IsGraphOutput);
        Assert.True(explicitOutput.Tensors[1].HasDramCopy);
    }

    [Fact]
    public void Bad_graphs_are_rejected_with_the_problem_named()
    {
        Assert.Contains("no operators", Assert.Throws<ArgumentException>(() => new TensorGraph([new("x", 1)], [])).Message, StringComparison.Ordinal);
        Assert.Contains("input id 5 names no tensor", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("x", 1), new("y", 1)], [new("p", [5], [1])])).Message, StringComparison.Ordinal);
        Assert.Contains("form a cycle", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("a", 1), new("b", 1)], [new("p", [1], [0]), new("q", [0], [1])])).Message, StringComparison.Ordinal);
        Assert.Contains("topological order", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("x", 1), new("a", 1), new("b", 1)], [new("q", [1], [2]), new("p", [0], [1])])).Message, StringComparison.Ordinal);
        Assert.Contains("produced by both", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("x", 1), new("a", 1)], [new("p", [0], [1]), new("q", [0], [1])])).Message, StringComparison.Ordinal);
        Assert.Contains("neither produced nor consumed", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("x", 1), new("a", 1), new("lost", 1)], [new("p", [0], [1])])).Message, StringComparison.Ordinal);
        Assert.Contains("sizes must be positive", Assert.Throws<ArgumentException>(() =>
            new TensorGraph([new("x", 0), new("a", 1)], [new("p", [0], [1])])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_sizes_resnet50_tensors_from_the_ops()
    {
        var graph = TensorGraphBuilder.From(Resnet50(), wordBytes: 1);
        Assert.Equal(54, graph.Operators.Count);
        var byName = graph.Tensors.ToDictionary(t => t.Name);
        Assert.Equal(112 * 112 * 64, byName["conv1"].SizeBytes);               // 802 816
        Assert.Equal(224 * 224 * 3, byName["image"].SizeBytes);                // the external input, conv1's operand
        Assert.Equal(TensorOrigin.GraphInput, byName["image"].Origin);
        Assert.Equal(56 * 56 * 256, byName["layer1.0.conv3"].SizeBytes);
        Assert.Equal(["layer1.0.conv1", "layer1.0.downsample"], byName["conv1"].Consumers.Select(c => graph.Operators[c].Name));
        Assert.True(byName["fc"].IsGraphOutput);
        Assert.Equal(1000, byName["fc"].SizeBytes);

        // Two-byte words double every size; parameters add one read-only tensor per op (conv1: 7·7·3·64).
        var withParams = TensorGraphBuilder.From(Resnet50(), wordBytes: 2, includeParameters: true);
        var p = withParams.Tensors.Single(t => t.Name == "conv1.params");
        Assert.Equal((TensorOrigin.Parameter, 7L * 7 * 3 * 64 * 2), (p.Origin, p.SizeBytes));
        Assert.Equal(2 * 112 * 112 * 64, withParams.Tensors.Single(t => t.Name == "conv1").SizeBytes);
    }

    [Fact]
    public void Builder_sizes_an_external_input_by_its_largest_consumer()
    {
        var workload = new Workload("w", [new Gemm("a", 4, 8, 16, ["x"]), new Gemm("b", 2, 8, 100, ["x", "a"])]);
        var graph = TensorGraphBuilder.From(workload, 2);
        Assert.Equal(2 * 200, graph.Tensors.Single(t => t.Name == "x").SizeBytes); // max(4·16, 2·100) words
        Assert.Equal(2 * 32, graph.Tensors.Single(t => t.Name == "a").SizeBytes);
    }

    internal static Workload Resnet50()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sim.sln")))
            dir = dir.Parent;
        return WorkloadYaml.Load(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no Sim.sln above the test binary"), "workloads", "dnn", "resnet50.yaml"));
    }
}
