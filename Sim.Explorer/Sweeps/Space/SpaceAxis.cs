using System.Globalization;
using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// One swept parameter: its spec name (<c>rows</c>, <c>ifmap_kb</c>, …), its domain, and how a value of it changes an
/// arch. Values are boxed: <see cref="long"/> for integer axes, <see cref="double"/> for real ones, <see cref="Dataflow"/>,
/// <see cref="PeVariant"/> or <see cref="TileSpec"/> for the others.
/// </summary>
public sealed record SpaceAxis(string Name, AxisDomain Domain, Func<ArchSpec, object, ArchSpec> Apply)
{
    /// <summary>A value as the manifest writes it (tile label, dataflow or variant name, invariant number).</summary>
    public static string Format(object value) => value switch
    {
        TileSpec tile => TileGrid.Of(tile).Label,
        Dataflow dataflow => dataflow.ToName(),
        PeVariant variant => variant.ToName(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
