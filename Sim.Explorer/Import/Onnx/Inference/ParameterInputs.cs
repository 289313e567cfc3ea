namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Input positions that are parameters, not data: a constant read there (a Reshape target, Slice bounds, Resize scales,
/// Clip bounds…) is <see cref="TensorRole.Constant"/>, not a weight the hardware streams.
/// </summary>
internal static class ParameterInputs
{
    private static readonly Dictionary<string, int[]> Positions = new(StringComparer.Ordinal)
    {
        ["Reshape"] = [1],
        ["Slice"] = [1, 2, 3, 4],
        ["Resize"] = [1, 2, 3],
        ["Upsample"] = [1],
        ["Squeeze"] = [1],
        ["Unsqueeze"] = [1],
        ["Pad"] = [1, 2, 3],
        ["Expand"] = [1],
        ["Tile"] = [1],
        ["Clip"] = [1, 2],
        ["ConstantOfShape"] = [0],
        ["Range"] = [0, 1, 2],
        ["Split"] = [1],
        ["Gather"] = [1],
        ["Dropout"] = [1, 2],
        ["ReduceMean"] = [1],
        ["ReduceSum"] = [1],
        ["ReduceMax"] = [1],
        ["ReduceMin"] = [1],
        ["ReduceProd"] = [1],
        ["ReduceL1"] = [1],
        ["ReduceL2"] = [1],
        ["ReduceLogSum"] = [1],
        ["ReduceLogSumExp"] = [1],
        ["ReduceSumSquare"] = [1],
    };

    public static bool IsParameter(string opType, int position) =>
        Positions.TryGetValue(opType, out var positions) && positions.Contains(position);
}
