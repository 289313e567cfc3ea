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
    /// </summary>
    public static TensorGraph Random(int seed, int operators, bool withOptions = true)
    {
        var random = new Random(seed);
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
            ops.Add(new($"op{i}", inputs, [output], options));
        }

        return new TensorGraph(tensors, ops);
    }

    public static GraphAllocatorOptions Options(long budget, OrderMode mode = OrderMode.Given) => new()
    {
        ScratchpadBytes = budget,
        OrderMode = mode,
        TimeLimitSeconds = 30,
        DeterministicTimeLimit = 20,
        Seed = 3,
    };

    public static void AssertValid(TensorGraph graph, GraphAllocation allocation, long budget)
    {
        var problems = AllocationValidator.Validate(graph, allocation, budget);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
