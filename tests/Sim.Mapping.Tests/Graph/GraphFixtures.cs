using Sim.Mapping.Graph;

namespace Sim.Mapping.Tests.Graph;

internal static class GraphFixtures
{
    /// <summary>
    /// x(1) → op0 → t0(4) → op1 → t1(4) → op2 → t2(4); op3 reads t0 and t2 → out(1). Needs per step: 5, 8, 8, 9 bytes;
    /// keeping t0 across step 2 needs 12. At a 9-byte budget t0 must be spilled and reloaded: 4 + 4 = 8 bytes.
    /// </summary>
    public static TensorGraph Diamond(IReadOnlyList<OpOption>? op2Options = null) => new(
        [new("x", 1), new("t0", 4), new("t1", 4), new("t2", 4), new("out", 1)],
        [
            new("op0", [0], [1]),
            new("op1", [1], [2]),
            new("op2", [2], [3], op2Options),
            new("op3", [1, 3], [4]),
        ]);

    /// <summary>
    /// Seeded random DAG: each operator reads 1–2 earlier tensors (biased to the newest) or, sometimes, a new graph input;
    /// sizes 1–9 bytes; about a third of the operators get a second option (a working buffer vs extra traffic).
    /// <paramref name="rich"/> (drawn from a second seeded stream, so the base graph is the same) adds what real networks
    /// have: a second output on some operators (read by later ones like any tensor), parameters read by some operators,
    /// produced tensors declared graph outputs although consumed, and streamed reads of part of a produced tensor.
    /// </summary>
    public static TensorGraph Random(int seed, int operators, bool withOptions = true, bool rich = false)
    {
        var random = new Random(seed);
        var extra = new Random(seed * 31 + 5);
        var tensors = new List<TensorSpec> { new("in0", random.Next(1, 10)) };
        var ops = new List<OperatorSpec>();
        var available = new List<int> { 0 };
        for (var i = 0; i < operators; i++)
        {
            var inputs = new List<int>();
            var wanted = i == 0 ? 1 : random.Next(1, 3);
            while (inputs.Count < wanted)
            {
                int t;
                if (i > 0 && random.NextDouble() < 0.15)
                {
                    t = tensors.Count;
                    tensors.Add(new($"in{t}", random.Next(1, 10)));
                }
                else
                {
                    var back = Math.Min(available.Count - 1, (int)Math.Floor(Math.Abs(random.NextDouble() - random.NextDouble()) * available.Count));
                    t = available[available.Count - 1 - back];
                }

                if (!inputs.Contains(t))
                    inputs.Add(t);
                else if (available.Count <= inputs.Count)
                    break;
            }

            var output = tensors.Count;
            tensors.Add(new($"t{i}", random.Next(1, 10)));
            available.Add(output);
            IReadOnlyList<OpOption>? options = withOptions && random.NextDouble() < 0.35
                ? [new("buffered", random.Next(1, 4), 0), new("streamed", 0, random.Next(1, 7))]
                : null;
            if (!rich)
            {
                ops.Add(new($"op{i}", inputs, [output], options));
                continue;
            }

            List<int> outputs = [output];
            if (extra.NextDouble() < 0.3)
            {
                outputs.Add(tensors.Count);
                available.Add(tensors.Count);
                tensors.Add(new($"t{i}b", extra.Next(1, 6)));
            }

            if (extra.NextDouble() < 0.3)
            {
                inputs.Add(tensors.Count);
                tensors.Add(new($"w{i}", extra.Next(1, 6), IsParameter: true));
            }

            // Graph inputs and parameters are read whole; a produced tensor is sometimes read in part.
            var reads = inputs.Select(t => tensors[t].IsParameter || t == 0 || tensors[t].Name.StartsWith("in", StringComparison.Ordinal) || extra.NextDouble() < 0.6
                ? tensors[t].SizeBytes : extra.Next(1, (int)tensors[t].SizeBytes + 1)).Select(b => (long)b).ToList();
            ops.Add(new($"op{i}", inputs, outputs, options, reads));
        }

        var outputsDeclared = rich ? Enumerable.Range(0, tensors.Count).Where(t => tensors[t].Name.StartsWith('t') && extra.NextDouble() < 0.2).ToList() : [];
        return new TensorGraph(tensors, ops, outputsDeclared);
    }

    /// <summary>
    /// <see cref="Random(int, int, bool, bool)"/> plus, per operator with probability <paramref name="share"/>, a streamed
    /// option (working buffer 0–2 bytes, extra traffic 0–3 bytes) drawn from a second seeded stream, so the graph itself
    /// is the same as without streaming.
    /// </summary>
    public static TensorGraph RandomStreaming(int seed, int operators, double share = 0.5, bool rich = false)
    {
        var graph = Random(seed, operators, rich: rich);
        var random = new Random(seed * 7919 + 17);
        return WithOptions(graph, op => random.NextDouble() < share
            ? [.. op.Options, new OpOption("stream", random.Next(0, 3), random.Next(0, 4), Streamed: true)]
            : op.Options);
    }

    /// <summary>The same graph (tensors, operators, read bytes, graph outputs) with each operator's options replaced.</summary>
    public static TensorGraph WithOptions(TensorGraph graph, Func<GraphOperator, IReadOnlyList<OpOption>> options) => graph.WithOptions(options);

    /// <summary>The same graph without its streamed options.</summary>
    public static TensorGraph WithoutStreaming(TensorGraph graph) => WithOptions(graph, op => [.. op.Options.Where(o => !o.Streamed)]);

    public static GraphAllocatorOptions Options(long budget, OrderMode mode = OrderMode.Given) => new()
    {
        ScratchpadBytes = budget,
        OrderMode = mode,
        TimeLimitSeconds = 30,
        DeterministicTimeLimit = 20,
        Seed = 3,
    };

    /// <summary>The solver's result against brute force's optimum: infeasible together, or a valid, proven-optimal
    /// allocation with the same objective. Returns whether a solution was compared.</summary>
    public static bool AssertSameAsBruteForce(TensorGraph graph, long budget, long? expected, GraphAllocation result, string label)
    {
        if (expected is null)
        {
            Assert.Equal(AllocationStatus.Infeasible, result.Status);
            return false;
        }

        AssertValid(graph, result, budget);
        Assert.True(result.Status == AllocationStatus.Optimal, $"{label}: {result.Status}");
        Assert.True(expected == result.ObjectiveBytes, $"{label}: brute force {expected}, cp-sat {result.ObjectiveBytes}");
        return true;
    }

    public static void AssertValid(TensorGraph graph, GraphAllocation allocation, long budget, long alignment = 1)
    {
        var problems = AllocationValidator.Validate(graph, allocation, budget, alignment);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
