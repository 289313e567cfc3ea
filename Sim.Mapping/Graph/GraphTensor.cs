namespace Sim.Mapping.Graph;

/// <summary>Where a tensor comes from: produced by an operator, or read from DRAM (a graph input or a parameter).</summary>
public enum TensorOrigin
{
    Produced,
    GraphInput,
    Parameter,
}

/// <summary>
/// A tensor of a <see cref="TensorGraph"/>. <see cref="Producer"/> is null for graph inputs and parameters (their first
/// load is a compulsory DRAM read). <see cref="IsGraphOutput"/> tensors are written to DRAM once (compulsory write).
/// </summary>
public sealed record GraphTensor(int Id, string Name, long SizeBytes, TensorOrigin Origin, int? Producer, IReadOnlyList<int> Consumers, bool IsGraphOutput)
{
    /// <summary>A copy already lives in DRAM (or must be written there anyway), so dropping it costs no spill write.</summary>
    public bool HasDramCopy => Origin != TensorOrigin.Produced || IsGraphOutput;
}

/// <summary>
/// An operator: its input and output tensor ids, its option menu (at least one option) and, per input, the bytes a
/// streamed read of it costs (<see cref="OperatorSpec.InputReadBytes"/>).
/// </summary>
public sealed record GraphOperator(int Id, string Name, IReadOnlyList<int> Inputs, IReadOnlyList<int> Outputs, IReadOnlyList<OpOption> Options, IReadOnlyList<long> InputReadBytes)
{
    /// <summary>Bytes a streamed read of input <paramref name="tensorId"/> costs this operator.</summary>
    public long ReadBytes(int tensorId)
    {
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (Inputs[i] == tensorId)
                return InputReadBytes[i];
        }

        throw new ArgumentException($"operator '{Name}' does not read tensor {tensorId}", nameof(tensorId));
    }

    /// <summary>Some option streams its tensors from/to DRAM, so they need not be resident at its step.</summary>
    public bool CanStream => Options.Any(o => o.Streamed);
}
