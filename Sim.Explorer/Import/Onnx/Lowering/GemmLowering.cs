using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// ONNX's GEMM-like nodes to tensor-engine ops. Tensors are NCHW; our conv records only sizes, so layout does not matter.
/// Conv [N, C, H, W] * W [M, C/g, kh, kw] → <see cref="Conv2d"/> (1-D convs as H = 1); ConvTranspose's W is [C, M/g, kh, kw];
/// MatMul/Gemm → <see cref="Gemm"/>: a weight operand is shared by every batch entry, so the batch folds into M (or N when
/// the weight is on the left); two run-time operands give one GEMM per batch entry (<see cref="Gemm.Batch"/>).
/// A bias input is not costed (an accumulator add per output, done in the array's output stage).
/// </summary>
internal static class GemmLowering
{
    public static Op? Conv(LoweringContext c, InferredNode node)
    {
        var x = c.Shape(node, node.Inputs[0]);
        var w = c.Shape(node, node.Inputs[1]);
        if (x.Count is not (3 or 4))
            return null; // 3-D convolutions: no model (the caller reports it opaque)
        var (h, wd) = x.Count == 4 ? (x[2], x[3]) : (1L, x[2]);
        var kernel = w.Count == 4 ? new[] { w[2], w[3] } : [1, w[2]];
        var g = ConvGeometry.Forward(node.Attributes, x.Count == 4 ? [h, wd] : [wd], x.Count == 4 ? kernel : [kernel[1]]);
        var (strides, dilations, begin, end) = TwoD(g, x.Count);
        var pads = new ConvPads(begin[0], begin[1], end[0], end[1]);
        var conv = new Conv2d(c.NameFor(node), h, wd, kernel[0], kernel[1], x[1], w[0], strides[0], pads.IsUniform ? pads.Top : 0, x[0],
            c.Producers(node, [node.Inputs[0]]))
        {
            StrideW = strides[1],
            DilationH = dilations[0],
            DilationW = dilations[1],
            Pads = pads,
            Groups = node.Attributes.Int("group", 1),
        };
        CheckOutput(c, node, conv.Problem(), [conv.OfmapH, conv.OfmapW]);
        return conv;
    }

    public static Op? ConvTranspose(LoweringContext c, InferredNode node)
    {
        var x = c.Shape(node, node.Inputs[0]);
        var w = c.Shape(node, node.Inputs[1]);
        if (x.Count is not (3 or 4))
            return null;
        var (h, wd) = x.Count == 4 ? (x[2], x[3]) : (1L, x[2]);
        var kernel = w.Count == 4 ? new[] { w[2], w[3] } : [1, w[2]];
        var g = ConvGeometry.Transposed(node.Attributes, x.Count == 4 ? [h, wd] : [wd], x.Count == 4 ? kernel : [kernel[1]]);
        var (strides, dilations, begin, end) = TwoD(g, x.Count);
        var groups = node.Attributes.Int("group", 1);
        // output_padding is whatever the geometry's output needs beyond the padded formula (output_shape may imply it).
        var full = new[]
        {
            checked(((h - 1) * strides[0]) + ((kernel[0] - 1) * dilations[0]) + 1 - begin[0] - end[0]),
            checked(((wd - 1) * strides[1]) + ((kernel[1] - 1) * dilations[1]) + 1 - begin[1] - end[1]),
        };
        var output = x.Count == 4 ? g.Output.ToArray() : [1, g.Output[0]];
        var conv = new ConvTranspose2d(c.NameFor(node), h, wd, kernel[0], kernel[1], x[1], checked(w[1] * groups), strides[0], strides[1],
            new ConvPads(begin[0], begin[1], end[0], end[1]), x[0], c.Producers(node, [node.Inputs[0]]))
        {
            DilationH = dilations[0],
            DilationW = dilations[1],
            OutputPaddingH = output[0] - full[0],
            OutputPaddingW = output[1] - full[1],
            Groups = groups,
        };
        CheckOutput(c, node, conv.Problem(), [conv.OfmapH, conv.OfmapW]);
        return conv;
    }

    /// <summary>
    /// MatMul with numpy semantics: 1-D operands promoted ([K] → [1, K] on the left, [K, 1] on the right) and their added
    /// dim dropped from the output; the batch is the product of the output's broadcast batch dims (not either side's).
    /// </summary>
    public static Op MatMul(LoweringContext c, InferredNode node)
    {
        var a = c.Shape(node, node.Inputs[0]);
        var b = c.Shape(node, node.Inputs[1]);
        var output = c.OutputShape(node) ?? throw new SimInputException($"{c.File}: {node.Label}: its output shape is unknown. Fix: give every graph input's shape with --input-shape");
        var (m, k) = a.Count == 1 ? (1L, a[0]) : (a[^2], a[^1]);
        var n = b.Count == 1 ? 1L : b[^1];
        var matrixDims = (a.Count >= 2 ? 1 : 0) + (b.Count >= 2 ? 1 : 0);
        var batch = Product(output.Take(output.Count - matrixDims));
        var batchA = Product(a.Take(Math.Max(0, a.Count - 2)));
        var batchB = Product(b.Take(Math.Max(0, b.Count - 2)));
        return Batched(c, node, m, n, k, batch, batchA, batchB, node.Inputs[0], node.Inputs[1]);
    }

    /// <summary>Gemm: Y = α·op(A)·op(B) + β·C with op = transpose when transA/transB.</summary>
    public static Op GemmNode(LoweringContext c, InferredNode node)
    {
        var a = c.Shape(node, node.Inputs[0]);
        var b = c.Shape(node, node.Inputs[1]);
        var transA = node.Attributes.Int("transA", 0) != 0;
        var transB = node.Attributes.Int("transB", 0) != 0;
        var (m, k) = transA ? (a[1], a[0]) : (a[0], a[1]);
        var n = transB ? b[0] : b[1];
        return Batched(c, node, m, n, k, 1, 1, 1, node.Inputs[0], node.Inputs[1]);
    }

    private static Gemm Batched(LoweringContext c, InferredNode node, long m, long n, long k, long batch, long batchA, long batchB, string left, string right)
    {
        var inputs = c.Producers(node, [left, right]);
        var name = c.NameFor(node);
        var leftActive = c.IsActivation(left);
        var rightActive = c.IsActivation(right);
        // A weight shared by every batch entry turns the batch into more rows (or columns) of one GEMM.
        if (leftActive && !rightActive && batchB == 1)
            return new Gemm(name, checked(batch * m), n, k, inputs);
        if (!leftActive && rightActive && batchA == 1)
            return new Gemm(name, m, checked(batch * n), k, inputs);
        return new Gemm(name, m, n, k, inputs) { Batch = batch };
    }

    private static (long[] Strides, long[] Dilations, long[] Begin, long[] End) TwoD(ConvGeometry g, int rank) => rank == 4
        ? (g.Strides.ToArray(), g.Dilations.ToArray(), g.PadsBegin.ToArray(), g.PadsEnd.ToArray())
        : ([1, g.Strides[0]], [1, g.Dilations[0]], [0, g.PadsBegin[0]], [0, g.PadsEnd[0]]);

    /// <summary>Our op must produce the tensor shape inference found; a disagreement is a lowering bug or a model we misread.</summary>
    private static void CheckOutput(LoweringContext c, InferredNode node, string? problem, long[] spatial)
    {
        if (problem is not null)
            throw new SimInputException($"{c.File}: {node.Label}: {problem}. Fix: check the node's attributes and weight shape");
        if (c.OutputShape(node) is { } shape && !shape.Skip(2).SequenceEqual(shape.Count == 4 ? spatial : spatial.Skip(1)))
            throw new SimInputException($"{c.File}: {node.Label}: lowered output {string.Join("x", spatial)} differs from the inferred [{string.Join(", ", shape)}]. Fix: report this model (a geometry case the lowering does not cover)");
    }

    private static long Product(IEnumerable<long> dims) => dims.Aggregate(1L, (p, d) => checked(p * d));
}
