using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Onnx.Lowering;

/// <summary>
/// ONNX's non-GEMM nodes to <see cref="VectorOp"/>s: which catalogue function (<see cref="VectorFunctions"/>) each op type
/// is, and its window (pools: the kernel; reductions: input/output elements; softmax/normalisation: the row length).
/// A run-time input is read as activation elements; a weight/constant data input (a bias, a scale, batch-norm statistics)
/// as parameters. Inputs at parameter positions (a Reshape target, Clip bounds) are neither.
/// </summary>
internal static class VectorLowering
{
    private static readonly Dictionary<string, string> Elementwise = new(StringComparer.Ordinal)
    {
        ["Add"] = "add",
        ["Sum"] = "add",
        ["Mean"] = "add",
        ["Sub"] = "sub",
        ["Mul"] = "mul",
        ["Div"] = "div",
        ["Max"] = "max",
        ["Min"] = "max",
        ["Relu"] = "relu",
        ["LeakyRelu"] = "leaky_relu",
        ["PRelu"] = "leaky_relu",
        ["Clip"] = "clip",
        ["Sigmoid"] = "sigmoid",
        ["HardSigmoid"] = "hard_sigmoid",
        ["HardSwish"] = "hard_swish",
        ["Tanh"] = "tanh",
        ["Gelu"] = "gelu",
        ["Erf"] = "exp",
        ["Exp"] = "exp",
        ["Log"] = "exp",
        ["Sqrt"] = "exp",
        ["Reciprocal"] = "exp",
        ["Neg"] = "neg",
        ["Abs"] = "neg",
        ["Floor"] = "neg",
        ["Ceil"] = "neg",
        ["Round"] = "neg",
        ["Sign"] = "neg",
        ["Equal"] = "compare",
        ["Less"] = "compare",
        ["Greater"] = "compare",
        ["LessOrEqual"] = "compare",
        ["GreaterOrEqual"] = "compare",
        ["Where"] = "compare",
        ["And"] = "compare",
        ["Or"] = "compare",
        ["Not"] = "compare",
        ["Xor"] = "compare",
        ["Elu"] = "elu",
        ["Selu"] = "elu",
        ["Softplus"] = "elu",
        ["Softsign"] = "elu",
        ["Mish"] = "swish",
        ["BatchNormalization"] = "batch_norm",
    };

    private static readonly Dictionary<string, string> Moves = new(StringComparer.Ordinal)
    {
        ["Transpose"] = "transpose",
        ["Concat"] = "concat",
        ["Slice"] = "slice",
        ["Split"] = "slice",
        ["Resize"] = "resize",
        ["Upsample"] = "resize",
        ["Pad"] = "pad",
        ["Gather"] = "gather",
        ["GatherElements"] = "gather",
        ["GatherND"] = "gather",
        ["Expand"] = "expand",
        ["Tile"] = "expand",
        ["DepthToSpace"] = "transpose",
        ["SpaceToDepth"] = "transpose",
        ["Cast"] = "cast",
    };

    private static readonly Dictionary<string, string> Reductions = new(StringComparer.Ordinal)
    {
        ["ReduceMean"] = "avg_pool",
        ["ReduceSum"] = "sum",
        ["ReduceSumSquare"] = "sum",
        ["ReduceL1"] = "sum",
        ["ReduceL2"] = "sum",
        ["ReduceLogSum"] = "sum",
        ["ReduceLogSumExp"] = "sum",
        ["ReduceProd"] = "sum",
        ["ReduceMax"] = "max_pool",
        ["ReduceMin"] = "max_pool",
        ["ArgMax"] = "max_pool",
        ["ArgMin"] = "max_pool",
        ["GlobalAveragePool"] = "avg_pool",
        ["GlobalMaxPool"] = "max_pool",
    };

    /// <summary>Op types that are views of their first input: consumers read it in place.</summary>
    public static readonly IReadOnlySet<string> Views = new HashSet<string>(StringComparer.Ordinal)
    {
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout",
    };

    /// <summary>The node as a vector op, or null when its op type is not a vector function.</summary>
    public static VectorOp? Lower(LoweringContext c, InferredNode node)
    {
        if (c.OutputShape(node) is not { } shape)
            return null;
        // A scalar is one element; a node with several outputs (Split) writes them all: one flat tensor of their total.
        var output = node.Outputs.Count(o => o.Length > 0) > 1
            ? [node.Outputs.Where(o => o.Length > 0).Sum(o => c.Info(o)?.ElementCount ?? 0)]
            : shape.Count == 0 ? [1L] : shape.ToArray();
        var outputElements = output.Aggregate(1L, (p, d) => checked(p * d));
        var (function, window) = Function(c, node, outputElements);
        if (function is null)
            return null;
        var data = node.Inputs.Select((t, i) => (t, i)).Where(p => p.t.Length > 0 && !Inference.ParameterInputs.IsParameter(node.OpType, p.i)).ToList();
        var inputElements = data.Where(p => c.IsActivation(p.t)).Sum(p => c.Info(p.t)?.ElementCount ?? 0);
        var parameters = data.Where(p => !c.IsActivation(p.t)).Sum(p => c.Info(p.t)?.ElementCount ?? 0);
        if (node.OpType == "BatchNormalization")
            parameters = 2 * output[Math.Min(1, output.Length - 1)]; // folded to one scale and one shift per channel
        return new VectorOp(c.NameFor(node), c.Producers(node, data.Select(p => p.t)), function, output, inputElements, window, parameters);
    }

    private static (string? Function, long Window) Function(LoweringContext c, InferredNode node, long outputElements)
    {
        var op = node.OpType;
        if (op == "Pow")
            return (IsSquare(c, node) ? "square" : "pow", 1);
        if (Elementwise.TryGetValue(op, out var f) || Moves.TryGetValue(op, out f))
            return (f, 1);
        var input = c.Info(node.Inputs[0]);
        if (Reductions.TryGetValue(op, out f))
            return (f, Math.Max(1, (input?.ElementCount ?? outputElements) / outputElements));
        if (op is "MaxPool" or "AveragePool" or "LpPool")
        {
            var kernel = node.Attributes.Ints("kernel_shape") ?? [1];
            return (op == "MaxPool" ? "max_pool" : op == "AveragePool" ? "avg_pool" : "sum", kernel.Aggregate(1L, (p, d) => p * d));
        }

        if (input is null)
            return (null, 1);
        var dims = input.Shape;
        var opset = c.Graph.Model.DefaultOpset;
        switch (op)
        {
            case "Softmax" or "LogSoftmax":
                // Opset < 13 flattens from `axis` (default 1) into rows; 13+ normalises along one axis (default −1).
                var fn = op == "Softmax" ? "softmax" : "log_softmax";
                if (opset < 13)
                    return (fn, RowLength(dims, node.Attributes.Int("axis", 1)));
                var axis = Axis(dims, node.Attributes.Int("axis", -1));
                return (fn, dims.Count == 0 ? 1 : dims[axis]);
            case "LayerNormalization":
                return ("layer_norm", RowLength(dims, node.Attributes.Int("axis", -1)));
            case "InstanceNormalization":
                return ("layer_norm", RowLength(dims, 2));
            case "GroupNormalization":
                return ("layer_norm", Math.Max(1, outputElements / (dims[0] * node.Attributes.Int("num_groups"))));
            default:
                return (null, 1);
        }
    }

    private static bool IsSquare(LoweringContext c, InferredNode node) =>
        node.Inputs.Count > 1 && c.Info(node.Inputs[1])?.Value is { Count: 1 } v && v.AsDoubles()[0] == 2.0;

    private static int Axis(IReadOnlyList<long> dims, long axis) => (int)(axis < 0 ? axis + dims.Count : axis);

    /// <summary>Elements per row when the tensor is flattened from <paramref name="axis"/> on.</summary>
    private static long RowLength(IReadOnlyList<long> dims, long axis) =>
        dims.Skip(Axis(dims, axis)).Aggregate(1L, (p, d) => checked(p * d));
}
