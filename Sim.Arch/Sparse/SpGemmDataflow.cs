namespace Sim.Arch.Sparse;

/// <summary>The loop order of C = A·B: inner product (i,j,k), outer product (k,i,j), row-wise / Gustavson (i,k,j).</summary>
public enum SpGemmDataflow
{
    Inner,
    Outer,
    RowWise,
}

/// <summary>How a row-wise PE combines the partial products of one output row.</summary>
public enum SpGemmMerge
{
    /// <summary>SMASH-style: each partial product is an atomic read-modify-write into a hash table keyed by column.</summary>
    Hash,

    /// <summary>Dense sparse accumulator (SPA): an N-wide value array plus an occupied-column list.</summary>
    Dense,

    /// <summary>Gamma-style radix-R merge tree over the row's B fibers.</summary>
    Merger,
}

public static class SpGemmNames
{
    public static string ToName(this SpGemmDataflow dataflow) => dataflow switch
    {
        SpGemmDataflow.Inner => "inner",
        SpGemmDataflow.Outer => "outer",
        _ => "rowwise",
    };

    public static string ToName(this SpGemmMerge merge) => merge switch
    {
        SpGemmMerge.Hash => "hash",
        SpGemmMerge.Dense => "dense",
        _ => "merger",
    };

    public static bool TryParseDataflow(string? text, out SpGemmDataflow dataflow)
    {
        (var ok, dataflow) = text switch
        {
            "inner" => (true, SpGemmDataflow.Inner),
            "outer" => (true, SpGemmDataflow.Outer),
            "rowwise" => (true, SpGemmDataflow.RowWise),
            _ => (false, SpGemmDataflow.Inner),
        };
        return ok;
    }

    public static bool TryParseMerge(string? text, out SpGemmMerge merge)
    {
        (var ok, merge) = text switch
        {
            "hash" => (true, SpGemmMerge.Hash),
            "dense" => (true, SpGemmMerge.Dense),
            "merger" => (true, SpGemmMerge.Merger),
            _ => (false, SpGemmMerge.Hash),
        };
        return ok;
    }
}
