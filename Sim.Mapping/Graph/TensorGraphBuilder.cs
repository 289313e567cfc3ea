using Sim.Core.Workloads;

namespace Sim.Mapping.Graph;

/// <summary>
/// Builds a <see cref="TensorGraph"/> from a <see cref="Workload"/>: one output tensor per op, sized from the op
/// (conv2d and conv_transpose2d: Batch·OfmapH·OfmapW·Filters words; gemm: Batch·M·N; attention: Batch·Heads·SeqQ·HeadDim;
/// vector: its output elements; opaque: its output elements, an error when its shape is unknown). An input naming an op
/// is that op's output tensor; an input naming no op is an external graph input sized by its consumers' operand
/// (conv2d, conv_transpose2d: Batch·IfmapH·IfmapW·Channels; gemm: Batch·M·K; attention: Q; vector: its input elements;
/// opaque: its output size, a stand-in for reads it does not describe), the largest over its consumers; an op with no
/// inputs at all reads an external graph input "&lt;op&gt;.in" sized by its operand.
/// Pooling and residual adds are not ops in our workloads, so a producer's full output is what must be kept: e.g. in
/// resnet50.yaml conv1's 112×112×64 output is the tensor that layer1's convs read (through a 56×56 view after the
/// implicit max-pool), so the graph keeps the 112×112 tensor — an upper bound on the real live set. A consumer's
/// loop nest, though, reads only its own operand, so a streamed read of a produced tensor costs min(tensor size,
/// the consumer's operand bytes) (layer1.0.conv1 reads 200 704 B of conv1's 802 816 B; fc 2 048 B of 100 352 B),
/// while a reload of a resident copy brings the whole tensor back.
/// With <c>includeParameters</c> every op also reads a parameter tensor (conv2d: Fh·Fw·C/groups·F, conv_transpose2d:
/// Fh·Fw·C·F/groups, gemm: Batch·K·N, attention: K and V caches 2·Batch·KvHeads·SeqKv·HeadDim, vector: its parameter
/// elements; none for an opaque op or a vector op without constants), loaded from DRAM as a compulsory read — COSMA's
/// "+parameters" variant. GEMM ops count all their instances (every group's weights, every batch entry's operands).
/// </summary>
public static class TensorGraphBuilder
{
    public static TensorGraph From(Workload workload, int wordBytes, bool includeParameters = false)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordBytes, 1);
        var ops = workload.Ops;
        var outputOf = ops.Select((op, i) => (op.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var tensors = ops.Select(op => new TensorSpec(op.Name, checked(OutputWords(op) * wordBytes))).ToList();

        var externals = new Dictionary<string, int>(StringComparer.Ordinal);
        var operators = new List<OperatorSpec>(ops.Count);
        var reads = new List<long?[]>(ops.Count);
        foreach (var op in ops)
        {
            var inputs = new List<int>();
            var readBytes = new List<long?>(); // null: a graph input, read whole
            var operandBytes = checked(OperandWords(op) * wordBytes);
            // An op without inputs (topology CSVs, YAML ops without inputs:) still loads its feature map.
            IEnumerable<string> names = op.Inputs.Count == 0 ? [op.Name + ".in"] : op.Inputs.Distinct(StringComparer.Ordinal);
            var position = 0;
            foreach (var name in names)
            {
                // A GEMM of two run-time operands (an imported MatMul) reads its second input as B, Batch·K·N words.
                var bytes = position++ == 1 && ReadsProducedRightOperand(op) ? checked(RightOperandWords((Gemm)op) * wordBytes) : operandBytes;
                if (outputOf.TryGetValue(name, out var producer))
                {
                    inputs.Add(producer);
                    readBytes.Add(bytes);
                    continue;
                }

                if (bytes == 0)
                    continue; // an op that reads no activation words (a vector op on constants only) has no feature map to load

                if (externals.TryGetValue(name, out var id))
                    tensors[id] = tensors[id] with { SizeBytes = Math.Max(tensors[id].SizeBytes, bytes) };
                else
                {
                    id = tensors.Count;
                    externals.Add(name, id);
                    tensors.Add(new TensorSpec(name, bytes));
                }

                inputs.Add(id);
                readBytes.Add(null);
            }

            if (includeParameters && ParameterWords(op) > 0)
            {
                inputs.Add(tensors.Count);
                readBytes.Add(null);
                tensors.Add(new TensorSpec(op.Name + ".params", checked(ParameterWords(op) * wordBytes), IsParameter: true));
            }

            operators.Add(new OperatorSpec(op.Name, inputs, [outputOf[op.Name]]));
            reads.Add([.. readBytes]);
        }

        // Read bytes once every tensor has its final size: a consumer streams at most its own operand of a produced tensor.
        return new TensorGraph(tensors, [.. operators.Select((spec, o) => spec with
        {
            InputReadBytes = [.. spec.Inputs.Select((t, i) => Math.Min(tensors[t].SizeBytes, reads[o][i] ?? tensors[t].SizeBytes))],
        })]);
    }

    /// <summary>Words of an op's output tensor.</summary>
    public static long OutputWords(Op op) => op switch
    {
        Conv2d c => checked(c.Batch * c.OfmapH * c.OfmapW * c.Filters),
        ConvTranspose2d t => checked(t.Batch * t.OfmapH * t.OfmapW * t.Filters),
        Gemm g => checked(g.Batch * g.M * g.N),
        AttentionLayer a => a.Shape.QElements,
        VectorOp v => v.OutputElements,
        OpaqueOp o => o.OutputElements
            ?? throw new ArgumentException($"opaque op '{o.Name}' ({o.Operator}) has no known output shape, so the graph cannot size its tensor: {o.Reason}", nameof(op)),
        _ => throw NoRule(op),
    };

    /// <summary>Words of the activation operand an op reads (its input feature map / left matrix / queries; a vector
    /// op's inputs together; an opaque op, whose reads are unknown, is taken to read as much as it writes).</summary>
    public static long OperandWords(Op op) => op switch
    {
        Conv2d c => checked(c.Batch * c.IfmapH * c.IfmapW * c.Channels),
        ConvTranspose2d t => checked(t.Batch * t.IfmapH * t.IfmapW * t.Channels),
        Gemm g => checked(g.Batch * g.M * g.K),
        AttentionLayer a => a.Shape.QElements,
        VectorOp v => v.InputElements,
        OpaqueOp o => OutputWords(o),
        _ => throw NoRule(op),
    };

    /// <summary>True for a GEMM whose B operand is another op's output (two distinct run-time inputs: an imported MatMul
    /// such as Q·Kᵀ): B is then a tensor of the graph, not a parameter.</summary>
    public static bool ReadsProducedRightOperand(Op op) =>
        op is Gemm g && g.Inputs.Distinct(StringComparer.Ordinal).Count() >= 2;

    /// <summary>Words of a GEMM's B operand over all batch entries.</summary>
    public static long RightOperandWords(Gemm g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return checked(g.Batch * g.K * g.N);
    }

    /// <summary>Words of an op's parameters (weights, per group for a grouped conv; for attention the K and V caches; a
    /// vector op's constant operands; none for an opaque op or a GEMM whose B is produced by another op).</summary>
    public static long ParameterWords(Op op) => op switch
    {
        Conv2d c => checked(c.FilterH * c.FilterW * c.ChannelsPerGroup * c.Filters),
        ConvTranspose2d t => checked(t.FilterH * t.FilterW * t.Channels * (t.Filters / t.Groups)),
        Gemm g when ReadsProducedRightOperand(g) => 0,
        Gemm g => RightOperandWords(g),
        AttentionLayer a => checked(2 * a.Shape.KvElements),
        VectorOp v => v.ParameterElements,
        OpaqueOp => 0,
        _ => throw NoRule(op),
    };

    private static ArgumentException NoRule(Op op) =>
        new($"op '{op?.Name}' of kind '{op?.Kind}' has no tensor-size rule in the graph builder", nameof(op));
}
