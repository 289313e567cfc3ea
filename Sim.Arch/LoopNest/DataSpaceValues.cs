using Sim.Core.Mapping;

namespace Sim.Arch.LoopNest;

/// <summary>One integer per tensor (bytes, words, cycles).</summary>
public readonly record struct DataSpaceValues(long Weights, long Inputs, long Outputs)
{
    public long this[DataSpace space] => space switch
    {
        DataSpace.Weights => Weights,
        DataSpace.Inputs => Inputs,
        DataSpace.Outputs => Outputs,
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };

    public long Total => checked(Weights + Inputs + Outputs);

    public DataSpaceValues Times(long count) => new(checked(Weights * count), checked(Inputs * count), checked(Outputs * count));

    public static DataSpaceValues From(Func<DataSpace, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value(DataSpace.Weights), value(DataSpace.Inputs), value(DataSpace.Outputs));
    }
}
