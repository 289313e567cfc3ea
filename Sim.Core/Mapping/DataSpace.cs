namespace Sim.Core.Mapping;

/// <summary>The three tensors of a layer: weights W[K,C,R,S], inputs I[N,C,H,W], outputs O[N,K,P,Q].</summary>
public enum DataSpace
{
    Weights,
    Inputs,
    Outputs,
}

public static class DataSpaces
{
    public static IReadOnlyList<DataSpace> All { get; } = Enum.GetValues<DataSpace>();

    public static string ToName(this DataSpace space) => space switch
    {
        DataSpace.Weights => "weights",
        DataSpace.Inputs => "inputs",
        DataSpace.Outputs => "outputs",
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };

    public static bool TryParse(string? text, out DataSpace space)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text?.Trim(), candidate.ToName(), StringComparison.OrdinalIgnoreCase))
            {
                space = candidate;
                return true;
            }
        }

        space = default;
        return false;
    }

    /// <summary>The tensor a dataflow keeps in the PEs: OS → outputs, WS → weights, IS → inputs.</summary>
    public static DataSpace StationaryOf(Hardware.Dataflow dataflow) => dataflow switch
    {
        Hardware.Dataflow.Os => DataSpace.Outputs,
        Hardware.Dataflow.Ws => DataSpace.Weights,
        Hardware.Dataflow.Is => DataSpace.Inputs,
        _ => throw new ArgumentOutOfRangeException(nameof(dataflow)),
    };

    /// <summary>The dataflow named after the stationary tensor (the inverse of <see cref="StationaryOf"/>).</summary>
    public static Hardware.Dataflow ToDataflow(this DataSpace stationary) => stationary switch
    {
        DataSpace.Outputs => Hardware.Dataflow.Os,
        DataSpace.Weights => Hardware.Dataflow.Ws,
        DataSpace.Inputs => Hardware.Dataflow.Is,
        _ => throw new ArgumentOutOfRangeException(nameof(stationary)),
    };

    /// <summary>
    /// Whether loop <paramref name="dim"/> indexes <paramref name="space"/>. P/R and Q/S both index the input through its
    /// sliding window, so they are relevant to it. The three irrelevant sets ({N,P,Q} for weights, {K} for inputs,
    /// {C,R,S} for outputs) partition the loops — the fact the mapper's loop-order reduction rests on.
    /// </summary>
    public static bool IsRelevant(this DataSpace space, LoopDim dim) => space switch
    {
        DataSpace.Weights => dim is LoopDim.K or LoopDim.C or LoopDim.R or LoopDim.S,
        DataSpace.Inputs => dim is not LoopDim.K,
        DataSpace.Outputs => dim is LoopDim.N or LoopDim.K or LoopDim.P or LoopDim.Q,
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };
}
