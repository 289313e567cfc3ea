namespace Sim.Explorer.Import.Timeloop;

/// <summary>
/// A Timeloop problem as read, before any meaning is given to its names: the shape (dimensions, coefficients, data
/// spaces with their projections) and the instance (a size per dimension, a value per coefficient). Nodes are kept
/// so that later checks can point at the line that caused them.
/// </summary>
internal sealed record TimeloopProblem(
    string ShapeName,
    TimeloopYaml Shape,
    IReadOnlyList<string> Dimensions,
    IReadOnlyList<TimeloopDataSpace> DataSpaces,
    TimeloopYaml Instance,
    IReadOnlyDictionary<string, long> Sizes,
    IReadOnlyDictionary<string, long> Coefficients,
    IReadOnlyDictionary<string, (long Value, TimeloopYaml Node)> InputExtent)
{
    /// <summary>timeloopfe's conv extras in the instance (input size and padding), not dimensions of the einsum.</summary>
    public static readonly IReadOnlyList<string> InputExtentKeys = ["H", "W", "Hpad", "Wpad"];
}

/// <summary>
/// One tensor of the einsum. Each axis is a sum of products (Timeloop's "SOP form"): [[R, Wdilation], [P, Wstride]]
/// indexes the axis by R·Wdilation + P·Wstride.
/// </summary>
internal sealed record TimeloopDataSpace(string Name, IReadOnlyList<IReadOnlyList<TimeloopTerm>> Axes, bool ReadWrite, TimeloopYaml Node)
{
    public IEnumerable<string> DimensionNames => Axes.SelectMany(a => a).Select(t => t.Dimension);
}

/// <summary>A dimension times a coefficient (<see cref="CoefficientName"/> null when the term is the bare dimension).</summary>
internal sealed record TimeloopTerm(string Dimension, string? CoefficientName, long Coefficient);
