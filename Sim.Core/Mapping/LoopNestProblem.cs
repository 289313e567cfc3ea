using Sim.Core.Workloads;

namespace Sim.Core.Mapping;

/// <summary>
/// One layer as a loop nest over <see cref="LoopDim"/>: the mapper's and the loop-nest cost model's view of a
/// convolution or GEMM. Inputs are indexed through the sliding window h = p·stride + r (no dilation), over the padded
/// input. <see cref="IsGemm"/> only changes how dims are named (M/N/K) in tables and mapping files.
/// </summary>
public sealed record LoopNestProblem(string Name, DimVector Bounds, long StrideH, long StrideW, bool IsGemm)
{
    public long Macs => Bounds.Product;

    /// <summary>Z[M,N] = A[M,K]·B[K,N]: M → P, N → K (output channels), K → C (reduction).</summary>
    public static LoopNestProblem FromGemm(string name, GemmShape gemm)
        => new(name, new DimVector(1, gemm.N, gemm.K, gemm.M, 1, 1, 1), 1, 1, true);

    public static LoopNestProblem FromConv(Conv2d conv)
    {
        ArgumentNullException.ThrowIfNull(conv);
        return new(conv.Name, new DimVector(conv.Batch, conv.Filters, conv.Channels, conv.OfmapH, conv.OfmapW, conv.FilterH, conv.FilterW),
            conv.Stride, conv.Stride, false);
    }

    /// <summary>The loop nest of a GEMM-like op (GEMM, conv2d); null for ops with their own model (attention).</summary>
    public static LoopNestProblem? From(Op op) => op switch
    {
        Conv2d conv => FromConv(conv),
        Gemm gemm => FromGemm(gemm.Name, gemm.ToGemm()),
        _ => null,
    };

    /// <summary>Elements of <paramref name="space"/> touched by a tile with the given extents, exactly per tile. The
    /// input rows touched by p output rows and r filter rows at stride s are <see cref="WindowRows"/>
    /// (p−1)·min(s, r) + r: the union of overlapping windows when s &lt; r, p·r rows in disjoint windows when s ≥ r
    /// (the rows between them are never read, e.g. a 1×1 stride-2 conv reads every other row).</summary>
    public long Footprint(DataSpace space, DimVector extents) => space switch
    {
        DataSpace.Weights => checked(extents.K * extents.C * extents.R * extents.S),
        DataSpace.Outputs => checked(extents.N * extents.K * extents.P * extents.Q),
        DataSpace.Inputs => checked(extents.N * extents.C * WindowRows(extents.P, extents.R, StrideH) * WindowRows(extents.Q, extents.S, StrideW)),
        _ => throw new ArgumentOutOfRangeException(nameof(space)),
    };

    /// <summary>Input rows (or columns) read by <paramref name="outputs"/> consecutive outputs of a window of
    /// <paramref name="window"/> taps at <paramref name="stride"/>: (outputs − 1)·min(stride, window) + window.</summary>
    public static long WindowRows(long outputs, long window, long stride) =>
        checked(((outputs - 1) * Math.Min(stride, window)) + window);

    /// <summary>Size of a whole tensor in elements.</summary>
    public long Size(DataSpace space) => Footprint(space, Bounds);

    /// <summary>How the dim is called for this problem: M/N/K for a GEMM, the conv letters otherwise; null for a GEMM's
    /// unused dims.</summary>
    public string? DimName(LoopDim dim) => !IsGemm ? dim.ToString() : dim switch
    {
        LoopDim.P => "M",
        LoopDim.K => "N",
        LoopDim.C => "K",
        _ => null,
    };

    /// <summary>The dims a mapping file may name for this problem (a GEMM has three).</summary>
    public IReadOnlyList<LoopDim> NamedDims => [.. LoopDims.All.Where(d => DimName(d) is not null)];

    public bool TryParseDim(string text, out LoopDim dim)
    {
        foreach (var candidate in NamedDims)
        {
            if (string.Equals(DimName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                dim = candidate;
                return true;
            }
        }

        dim = default;
        return false;
    }
}
