namespace Sim.Arch.Sparse;

/// <summary>The names dataflows and merges have in YAML, flags and CSV, and their parsers.</summary>
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
