using System.Globalization;
using Sim.Core.Workloads;

namespace Sim.Core.Config;

public static partial class WorkloadYaml
{
    /// <summary>
    /// <c>{kind: vector, function: relu, shape: [1, 16, 160, 160], input_elements: 409600, window: 1, parameters: 0}</c>:
    /// input_elements defaults to the output's element count, window to 1 (required ≥ 2 for pools and reductions, the row
    /// length for softmax/layer_norm), parameters to 0.
    /// </summary>
    private static VectorOp ReadVector(YamlMap op)
    {
        op.AllowOnly("name", "kind", "function", "shape", "input_elements", "window", "parameters", "inputs");
        var function = op.RequireString("function");
        if (!VectorFunctions.TryGet(function, out _))
            throw op.ErrorAt("function", $"unknown vector function '{function}'", $"use one of: {VectorFunctions.Names}");
        var shape = Shape(op, "shape");
        long outputElements;
        try
        {
            outputElements = shape.Aggregate(1L, (a, d) => checked(a * d));
        }
        catch (OverflowException)
        {
            throw op.ErrorAt("shape", "the shape has more than 2^63 elements", "check the dimensions");
        }

        var vector = new VectorOp(op.RequireString("name"), op.OptionalStringList("inputs"), function, shape,
            op.OptionalLong("input_elements", outputElements, 0), op.OptionalLong("window", 1, 1), op.OptionalLong("parameters", 0, 0));
        CheckProblem(op, vector.Problem, "window");
        try
        {
            _ = vector.Work.Total;
        }
        catch (OverflowException)
        {
            throw op.ErrorAt("window", "the op's vector work overflows 64-bit arithmetic", "check shape and window");
        }

        return vector;
    }

    /// <summary><c>{kind: opaque, operator: NonMaxSuppression, shape: [1, 100, 3], reason: "..."}</c>: an op kept in the DAG
    /// without a model (costed at zero); shape optional (unknown when absent).</summary>
    private static OpaqueOp ReadOpaque(YamlMap op)
    {
        op.AllowOnly("name", "kind", "operator", "shape", "reason", "inputs");
        return new OpaqueOp(op.RequireString("name"), op.OptionalStringList("inputs"), op.RequireString("operator"),
            op.Has("shape") ? Shape(op, "shape") : null, op.OptionalString("reason") ?? "no model for this operator");
    }

    private static long[] Shape(YamlMap op, string key) =>
        [.. op.RequireScalarList(key).Select(item => long.TryParse(item.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1
            ? v
            : throw op.ErrorAt(key, $"dimension '{item.Text}' (line {item.Line}) is not a positive integer", "write the shape as positive integers, e.g. [1, 16, 160, 160]"))];
}
