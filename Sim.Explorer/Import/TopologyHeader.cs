namespace Sim.Explorer.Import;

/// <summary>
/// The column layout of a SCALE-Sim topology CSV, recognized from its header row. SCALE-Sim itself never reads
/// the header (columns mean what their position says), so besides the documented names this accepts the variants
/// its own shipped topologies use (case, spacing, "Layer" for "Layer name", plurals, and the "IFMAP Width, IFMAP
/// Width" typo in the second column); a header naming anything else is rejected rather than guessed.
/// </summary>
internal sealed class TopologyHeader
{
    public const string ConvText = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,";
    public const string GemmText = "Layer,M,N,K,";

    private static readonly string[] ConvColumns =
        ["Layer name", "IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels", "Num Filter", "Strides", "Stride Width"];

    private static readonly string[] GemmColumns = ["Layer", "M", "N", "K"];

    /// <summary>Accepted spellings per position, normalized by <see cref="Normalize"/>.</summary>
    private static readonly string[][] ConvAliases =
    [
        ["layername", "layer"], ["ifmapheight", "ifmapwidth"], ["ifmapwidth"], ["filterheight"], ["filterwidth"],
        ["channels", "channel"], ["numfilter", "numfilters"], ["strides", "stride", "strideheight"], ["stridewidth"],
    ];

    private static readonly string[][] GemmAliases = [["layer", "layername"], ["m"], ["n"], ["k"]];

    private TopologyHeader(bool isGemm, IReadOnlyList<string> columns)
    {
        IsGemm = isGemm;
        Columns = columns;
    }

    public bool IsGemm { get; }

    /// <summary>Canonical column names, one per expected field, used in error messages.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Conv form with SCALE-Sim's optional 9th column (width stride).</summary>
    public bool HasWidthStride => !IsGemm && Columns.Count == ConvColumns.Length;

    /// <summary>The layout <paramref name="fields"/> (trailing empty field already removed) names, or null.</summary>
    public static TopologyHeader? Detect(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == GemmAliases.Length && Matches(fields, GemmAliases))
            return new TopologyHeader(true, GemmColumns);
        if (fields.Count >= ConvAliases.Length - 1 && fields.Count <= ConvAliases.Length && Matches(fields, ConvAliases))
            return new TopologyHeader(false, ConvColumns[..fields.Count]);
        return null;
    }

    private static bool Matches(IReadOnlyList<string> fields, string[][] aliases) =>
        fields.Select((f, i) => aliases[i].Contains(Normalize(f), StringComparer.Ordinal)).All(ok => ok);

    private static string Normalize(string field) =>
        new([.. field.Where(c => !char.IsWhiteSpace(c) && c != '_' && c != '\uFEFF').Select(char.ToLowerInvariant)]);
}
