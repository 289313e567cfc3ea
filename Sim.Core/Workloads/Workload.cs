namespace Sim.Core.Workloads;

/// <summary>
/// A DNN as a DAG of ops. Construction checks unique names and acyclicity; <see cref="Ops"/> is in topological
/// order (stable: ties keep declaration order), so results are deterministic.
/// </summary>
public sealed class Workload
{
    public Workload(string name, IEnumerable<Op> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        Name = name;
        var declared = ops.ToList();
        var byName = new Dictionary<string, Op>(StringComparer.Ordinal);
        foreach (var op in declared)
        {
            if (!byName.TryAdd(op.Name, op))
                throw new ArgumentException($"workload '{name}': op name '{op.Name}' is used twice; op names must be unique");
            if (op.Problem() is { } problem)
                throw new ArgumentException($"workload '{name}': op '{op.Name}': {problem}");
            CheckMacsFit(name, op);
        }
        Ops = TopologicalOrder(name, declared, byName);
    }

    public string Name { get; }

    public IReadOnlyList<Op> Ops { get; }

    public long TotalMacs => Ops.Sum(o => o.Macs);

    /// <summary>Every count derived from an op is a 64-bit integer; an op too large for that is rejected up front.</summary>
    private static void CheckMacsFit(string name, Op op)
    {
        try
        {
            _ = op.Macs;
            if (op is GemmOp gemm)
                _ = checked(gemm.ToGemm(Hardware.SimMode.ScaleSim).Macs * gemm.Instances);
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"workload '{name}': op '{op.Name}' has more than 2^63 MACs; split it into smaller ops");
        }
    }

    /// <summary>Kahn's algorithm; inputs that name no op are external graph inputs.</summary>
    private static Op[] TopologicalOrder(string name, List<Op> declared, Dictionary<string, Op> byName)
    {
        var indegree = declared.ToDictionary(o => o.Name, o => o.Inputs.Count(byName.ContainsKey), StringComparer.Ordinal);
        var consumers = declared.ToDictionary(o => o.Name, _ => new List<Op>(), StringComparer.Ordinal);
        foreach (var op in declared)
        {
            foreach (var input in op.Inputs.Where(byName.ContainsKey))
                consumers[input].Add(op);
        }

        var order = new List<Op>(declared.Count);
        var ready = new SortedSet<int>(declared.Select((o, i) => (o, i)).Where(p => indegree[p.o.Name] == 0).Select(p => p.i));
        var index = declared.Select((o, i) => (o.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        while (ready.Count > 0)
        {
            var next = declared[ready.Min];
            ready.Remove(ready.Min);
            order.Add(next);
            foreach (var consumer in consumers[next.Name])
            {
                if (--indegree[consumer.Name] == 0)
                    ready.Add(index[consumer.Name]);
            }
        }

        if (order.Count != declared.Count)
        {
            var stuck = string.Join(", ", declared.Where(o => indegree[o.Name] > 0).Select(o => o.Name));
            throw new ArgumentException($"workload '{name}': the ops {stuck} form a cycle; a workload must be a DAG");
        }

        return [.. order];
    }
}
