using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

/// <summary>
/// ResNet-50 (int8 activations, 1-byte granules) on a scratchpad smaller than M_R (1 806 336 B): tpu_like.yaml's 640 KB
/// (655 360 B). Every operator gets a streamed option with no working buffer and no extra traffic, so only the
/// tensor-level streamed reads and writes are charged; a streamed read costs the consumer's operand (layer1.0.conv1
/// reads 200 704 B of conv1's 802 816 B). The numbers are what this code measured; docs/graph-allocation.md quotes them.
/// Once the baseline keeps a streamed layer's resident tensors resident, Belady reaches the CP-SAT optimum here.
/// </summary>
public class StreamedNetworkTests
{
    private const long TpuLikeBytes = 640 * 1024;

    /// <summary>Operators that leave at least one of their tensors in DRAM (no run covers it at their step).</summary>
    private static int StreamingOperators(TensorGraph graph, GraphAllocation allocation) =>
        graph.Operators.Count(op =>
        {
            var step = allocation.Order.ToList().IndexOf(op.Id);
            return op.Inputs.Concat(op.Outputs).Any(t => !allocation.Runs.Any(r => r.TensorId == t && r.StartStep <= step && step < r.EndStep));
        });

    [Fact]
    public void Resnet50_at_640_KB_streams_the_layers_that_do_not_fit_and_the_fair_baseline_reaches_the_optimum()
    {
        var plain = TensorGraphBuilder.From(TensorGraphTests.Resnet50(), 1);
        var graph = GraphFixtures.WithOptions(plain, _ => [OpOption.Atomic, new OpOption("stream", 0, 0, Streamed: true)]);
        Assert.Equal(AllocationStatus.Infeasible, GraphAllocator.Solve(plain, GraphFixtures.Options(TpuLikeBytes)).Status);
        Assert.Equal(0, GraphBudgets.Of(graph).MinRequiredBytes); // every operator can stream everything

        // (order, baseline non-compulsory bytes, ILP optimum, operators streaming something: baseline, ILP)
        (OrderMode Mode, long Baseline, long Ilp, int BaselineStreaming, int IlpStreaming)[] expected =
        [
            (OrderMode.Given, 9_633_792, 9_633_792, 11, 11),
            (OrderMode.MinPeak, 9_232_384, 9_232_384, 11, 12),
        ];
        foreach (var (mode, baselineBytes, ilpBytes, baselineStreaming, ilpStreaming) in expected)
        {
            var options = GraphFixtures.Options(TpuLikeBytes, mode);
            var baseline = GreedyArenaBelady.Solve(graph, options);
            var ilp = GraphAllocator.Solve(graph, options);
            GraphFixtures.AssertValid(graph, baseline, TpuLikeBytes);
            GraphFixtures.AssertValid(graph, ilp, TpuLikeBytes);
            Assert.Equal(AllocationStatus.Optimal, ilp.Status);
            Assert.Equal((150_528L, 1_000L), (ilp.CompulsoryReadBytes, ilp.CompulsoryWriteBytes));
            Assert.Equal((150_528L, 1_000L), (baseline.CompulsoryReadBytes, baseline.CompulsoryWriteBytes));
            Assert.Equal((baselineBytes, ilpBytes), (baseline.NonCompulsoryBytes, ilp.ObjectiveBytes));
            Assert.Equal((baselineStreaming, ilpStreaming), (StreamingOperators(graph, baseline), StreamingOperators(graph, ilp)));
            Assert.True(ilp.PeakBytes <= TpuLikeBytes);
        }
    }
}
