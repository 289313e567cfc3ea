namespace Sim.Core.Mapping;

/// <summary>One non-negative integer per <see cref="LoopDim"/> (loop bounds, tiling factors, tile extents); a value type
/// with structural equality so mappings compare and hash by content.</summary>
public readonly record struct DimVector(long N, long K, long C, long P, long Q, long R, long S)
{
    public static DimVector Ones { get; } = new(1, 1, 1, 1, 1, 1, 1);

    public long this[LoopDim dim] => dim switch
    {
        LoopDim.N => N,
        LoopDim.K => K,
        LoopDim.C => C,
        LoopDim.P => P,
        LoopDim.Q => Q,
        LoopDim.R => R,
        LoopDim.S => S,
        _ => throw new ArgumentOutOfRangeException(nameof(dim)),
    };

    public long Product => checked(N * K * C * P * Q * R * S);

    public static DimVector From(Func<LoopDim, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value(LoopDim.N), value(LoopDim.K), value(LoopDim.C), value(LoopDim.P), value(LoopDim.Q), value(LoopDim.R), value(LoopDim.S));
    }

    public DimVector With(LoopDim dim, long value) => dim switch
    {
        LoopDim.N => this with { N = value },
        LoopDim.K => this with { K = value },
        LoopDim.C => this with { C = value },
        LoopDim.P => this with { P = value },
        LoopDim.Q => this with { Q = value },
        LoopDim.R => this with { R = value },
        LoopDim.S => this with { S = value },
        _ => throw new ArgumentOutOfRangeException(nameof(dim)),
    };

    /// <summary>Element-wise product (tile extents are products of the factors at and below a level).</summary>
    public DimVector Times(DimVector other)
    {
        var self = this;
        return From(d => checked(self[d] * other[d]));
    }

    public override string ToString() => $"N{N} K{K} C{C} P{P} Q{Q} R{R} S{S}";
}
