using Sim.Core.Workloads;

namespace Sim.Core.Mapping;

/// <summary>
/// One layer as a loop nest over <see cref="LoopDim"/>: the mapper's and the loop-nest cost model's view of a
/// convolution or GEMM. Inputs are indexed through the sliding window h = p·stride + r (no dilation), over the padded
/// input. <see cref="IsGemm"/> only changes how dims are named (M/N/K) in tables and mapping files.
/// <see cref="Instances"/>: the op runs this loop nest that many times, one after another, each on its own operands
/// (a grouped convolution's groups, a batched MatMul's entries); a mapping is of one instance, its cost × instances is the op's.
/// </summary>
public sealed record LoopNestProblem(string Name, DimVector Bounds, long StrideH, long StrideW, bool IsGemm)
{
    /// <summary>Independent runs of this nest (<see cref="GemmOp.Instances"/>); 1 for a plain GEMM or dense conv.</summary>
    public long Instances { get; init; } = 1;

    /// <summary>MACs of one instance.</summary>
    public long Macs => Bounds.Product;

    /// <summary>Z[M,N] = A[M,K]·B[K,N]: M → P, N → K (output channels), K → C (reduction).</summary>
    public static LoopNestProblem FromGemm(string name, GemmShape gemm)
        => new(name, new DimVector(1, gemm.N, gemm.K, gemm.M, 1, 1, 1), 1, 1, true);

    /// <summary>
    /// One group's nest: (N, K/g, C/g, P, Q, R, S) at the conv's height and width strides, <see cref="Instances"/> = groups.
    /// Per-side pads change nothing here: P and Q already are the output extents over the padded input, and the input
    /// rows a tile touches follow from P, R and the stride. Dilation has no place in the window model (h = p·stride + r):
    /// a dilated conv is mapped through its GEMM view instead (<see cref="From"/>).
    /// </summary>
    public static LoopNestProblem FromConv(Conv2d conv)
    {
        ArgumentNullException.ThrowIfNull(conv);
        if (conv.DilationH != 1 || conv.DilationW != 1)
            throw new ArgumentException($"conv '{conv.Name}' is dilated: the loop nest has no dilation; use its GEMM view (LoopNestProblem.From)", nameof(conv));
        var bounds = new DimVector(conv.Batch, conv.FiltersPerGroup, conv.ChannelsPerGroup, conv.OfmapH, conv.OfmapW, conv.FilterH, conv.FilterW);
        return new LoopNestProblem(conv.Name, bounds, conv.Stride, conv.StrideW, false) with { Instances = conv.Groups };
    }

    /// <summary>
    /// The loop nest of a GEMM-like op, one instance of it; null for ops with their own model (attention, vector, opaque).
    /// A conv is its window nest unless dilated (then its im2col GEMM: the model sees every tap's input as a separate
    /// element, so its input reuse is understated); a transposed conv is its scatter GEMM; a batched GEMM one entry.
    /// </summary>
    public static LoopNestProblem? From(Op op) => op switch
    {
        Conv2d { DilationH: 1, DilationW: 1 } conv => FromConv(conv),
        GemmOp gemmOp => FromGemm(gemmOp.Name, gemmOp.ToGemm()) with { Instances = gemmOp.Instances },
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
