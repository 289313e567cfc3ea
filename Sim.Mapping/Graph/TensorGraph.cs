namespace Sim.Mapping.Graph;

/// <summary>A tensor as declared to <see cref="TensorGraph"/>; a parameter (weights) is read from DRAM by its consumers.</summary>
public sealed record TensorSpec(string Name, long SizeBytes, bool IsParameter = false);

/// <summary>
/// An operator as declared to <see cref="TensorGraph"/>; null or empty options mean <see cref="OpOption.Atomic"/>.
/// <paramref name="InputReadBytes"/> (parallel to <paramref name="Inputs"/>; null = each input's size) is what a streamed
/// read of that input by this operator costs: a consumer may read only part of a produced tensor (e.g. through an
/// implicit pooling). It must lie in [1, size] and equal the size for a graph input or parameter, whose first read is
/// compulsory whatever its kind.
/// </summary>
public sealed record OperatorSpec(string Name, IReadOnlyList<int> Inputs, IReadOnlyList<int> Outputs, IReadOnlyList<OpOption>? Options = null, IReadOnlyList<long>? InputReadBytes = null);

/// <summary>
/// The graph allocator's input, independent of the DNN format: operators in a topological order (the "given" order)
/// and tensors with a size, a producer (none: loaded from DRAM) and consumers. Graph outputs are the tensors nobody
/// consumes plus any listed explicitly. Construction validates ids, acyclicity and the order (ArgumentException).
/// </summary>
public sealed class TensorGraph
{
    public TensorGraph(IReadOnlyList<TensorSpec> tensors, IReadOnlyList<OperatorSpec> operators, IEnumerable<int>? explicitOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(operators);
        if (operators.Count == 0)
            throw new ArgumentException("tensor graph: no operators; a graph needs at least one operator", nameof(operators));

        var producer = new int?[tensors.Count];
        var consumers = Enumerable.Range(0, tensors.Count).Select(_ => new List<int>()).ToArray();
        for (var t = 0; t < tensors.Count; t++)
        {
            if (tensors[t].SizeBytes < 1)
                throw new ArgumentException($"tensor graph: tensor '{tensors[t].Name}' has size {tensors[t].SizeBytes} bytes; sizes must be positive", nameof(tensors));
        }

        for (var o = 0; o < operators.Count; o++)
        {
            var op = operators[o];
            CheckIds(op, op.Inputs, "input", tensors.Count);
            CheckIds(op, op.Outputs, "output", tensors.Count);
            if (op.Outputs.Count == 0)
                throw new ArgumentException($"tensor graph: operator '{op.Name}' has no output tensor; every operator produces one", nameof(operators));
            if (op.Inputs.Intersect(op.Outputs).Any())
                throw new ArgumentException($"tensor graph: operator '{op.Name}' reads a tensor it writes; that is a cycle", nameof(operators));
            foreach (var output in op.Outputs)
            {
                if (tensors[output].IsParameter)
                    throw new ArgumentException($"tensor graph: operator '{op.Name}' writes parameter '{tensors[output].Name}'; parameters are read-only", nameof(operators));
                if (producer[output] is { } other)
                    throw new ArgumentException($"tensor graph: tensor '{tensors[output].Name}' is produced by both '{operators[other].Name}' and '{op.Name}'", nameof(operators));
                producer[output] = o;
            }

            foreach (var input in op.Inputs)
                consumers[input].Add(o);
        }

        CheckAcyclicAndOrdered(tensors, operators, producer);
        var outputs = new HashSet<int>(explicitOutputs ?? []);
        foreach (var id in outputs)
        {
            if (id < 0 || id >= tensors.Count)
                throw new ArgumentException($"tensor graph: graph output id {id} names no tensor (there are {tensors.Count})", nameof(explicitOutputs));
            if (producer[id] is null)
                throw new ArgumentException($"tensor graph: graph output '{tensors[id].Name}' is not produced by any operator", nameof(explicitOutputs));
        }

        Tensors = [.. tensors.Select((t, id) =>
        {
            if (producer[id] is null && consumers[id].Count == 0)
                throw new ArgumentException($"tensor graph: tensor '{t.Name}' is neither produced nor consumed", nameof(tensors));
            var origin = producer[id] is not null ? TensorOrigin.Produced : t.IsParameter ? TensorOrigin.Parameter : TensorOrigin.GraphInput;
            return new GraphTensor(id, t.Name, t.SizeBytes, origin, producer[id], consumers[id], producer[id] is not null && (consumers[id].Count == 0 || outputs.Contains(id)));
        })];
        Operators = [.. operators.Select((op, id) =>
        {
            var options = op.Options is { Count: > 0 } given ? given : [OpOption.Atomic];
            foreach (var option in options)
            {
                if (option.WorkingBytes < 0 || option.ExtraOffChipBytes < 0)
                    throw new ArgumentException($"tensor graph: operator '{op.Name}' option '{option.Label}' has negative bytes", nameof(operators));
            }

            return new GraphOperator(id, op.Name, op.Inputs, op.Outputs, options, ReadBytes(op, tensors, producer));
        })];
    }

    public IReadOnlyList<GraphTensor> Tensors { get; }

    /// <summary>The operators in the given topological order (operator id = position).</summary>
    public IReadOnlyList<GraphOperator> Operators { get; }

    /// <summary>The given order: 0, 1, …, n−1.</summary>
    public IReadOnlyList<int> GivenOrder => [.. Enumerable.Range(0, Operators.Count)];

    /// <summary>True when <paramref name="order"/> is a permutation of the operators that respects every producer → consumer edge.</summary>
    public bool IsTopological(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count != Operators.Count)
            return false;
        var position = new int[Operators.Count];
        Array.Fill(position, -1);
        for (var step = 0; step < order.Count; step++)
        {
            if (order[step] < 0 || order[step] >= Operators.Count || position[order[step]] >= 0)
                return false;
            position[order[step]] = step;
        }

        return Operators.All(op => op.Inputs.All(t => Tensors[t].Producer is not { } p || position[p] < position[op.Id]));
    }

    /// <summary>The same graph (tensors, read bytes, graph outputs) with each operator's options replaced.</summary>
    public TensorGraph WithOptions(Func<GraphOperator, IReadOnlyList<OpOption>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TensorGraph(
            [.. Tensors.Select(t => new TensorSpec(t.Name, t.SizeBytes, t.Origin == TensorOrigin.Parameter))],
            [.. Operators.Select(op => new OperatorSpec(op.Name, op.Inputs, op.Outputs, options(op), op.InputReadBytes))],
            Tensors.Where(t => t.IsGraphOutput).Select(t => t.Id));
    }

    private static long[] ReadBytes(OperatorSpec op, IReadOnlyList<TensorSpec> tensors, int?[] producer)
    {
        if (op.InputReadBytes is null)
            return [.. op.Inputs.Select(t => tensors[t].SizeBytes)];
        if (op.InputReadBytes.Count != op.Inputs.Count)
            throw new ArgumentException($"tensor graph: operator '{op.Name}' has {op.InputReadBytes.Count} input read sizes for {op.Inputs.Count} inputs");
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            var tensor = tensors[op.Inputs[i]];
            var bytes = op.InputReadBytes[i];
            if (bytes < 1 || bytes > tensor.SizeBytes)
                throw new ArgumentException($"tensor graph: operator '{op.Name}' reads {bytes} bytes of '{tensor.Name}' ({tensor.SizeBytes} bytes); a read is 1 byte to the whole tensor");
            if (producer[op.Inputs[i]] is null && bytes != tensor.SizeBytes)
                throw new ArgumentException($"tensor graph: operator '{op.Name}' reads {bytes} bytes of graph input '{tensor.Name}' ({tensor.SizeBytes} bytes); a graph input is read whole (size it by what its consumers read)");
        }

        return [.. op.InputReadBytes];
    }

    private static void CheckIds(OperatorSpec op, IReadOnlyList<int> ids, string role, int tensorCount)
    {
        foreach (var id in ids)
        {
            if (id < 0 || id >= tensorCount)
                throw new ArgumentException($"tensor graph: operator '{op.Name}' {role} id {id} names no tensor (there are {tensorCount})");
        }

        if (ids.Distinct().Count() != ids.Count)
            throw new ArgumentException($"tensor graph: operator '{op.Name}' lists an {role} tensor twice");
    }

    private static void CheckAcyclicAndOrdered(IReadOnlyList<TensorSpec> tensors, IReadOnlyList<OperatorSpec> operators, int?[] producer)
    {
        // Kahn's algorithm first, so a cycle is reported as a cycle rather than as a bad order. In-degree counts distinct
        // producers, as each (producer, consumer) edge is released once however many of the producer's outputs it reads.
        var indegree = operators.Select(op => op.Inputs.Where(t => producer[t] is not null).Select(t => producer[t]).Distinct().Count()).ToArray();
        var ready = new Queue<int>(Enumerable.Range(0, operators.Count).Where(o => indegree[o] == 0));
        var seen = 0;
        while (ready.Count > 0)
        {
            var o = ready.Dequeue();
            seen++;
            foreach (var consumer in Enumerable.Range(0, operators.Count).Where(c => operators[c].Inputs.Any(t => operators[o].Outputs.Contains(t))))
            {
                if (--indegree[consumer] == 0)
                    ready.Enqueue(consumer);
            }
        }

        if (seen != operators.Count)
        {
            var stuck = string.Join(", ", Enumerable.Range(0, operators.Count).Where(o => indegree[o] > 0).Select(o => $"'{operators[o].Name}'"));
            throw new ArgumentException($"tensor graph: the operators {stuck} form a cycle; a tensor graph must be a DAG", nameof(operators));
        }

        for (var o = 0; o < operators.Count; o++)
        {
            foreach (var input in operators[o].Inputs)
            {
                if (producer[input] is { } p && p > o)
                    throw new ArgumentException($"tensor graph: operator '{operators[o].Name}' reads '{tensors[input].Name}' before its producer '{operators[p].Name}' runs; list operators in a topological order", nameof(operators));
            }
        }
    }
}
