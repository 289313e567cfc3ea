using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim op --arch KIND --array SHAPE</c>: the tile a kind name and a shape text describe. Shapes: ROWSxCOLS for
/// systolic and matrix2d, LANESxWIDTH for addertree, MxKxN for cube.
/// </summary>
public static class TileShapes
{
    public static readonly string[] Kinds = [SystolicSpec.KindName, Cube3DSpec.KindName, AdderTreeSpec.KindName, Matrix2DSpec.KindName];

    /// <summary>1024 MACs for every kind (the tpe-compare shapes), so defaults compare at iso-MACs.</summary>
    public static string DefaultShape(string kind) => kind switch
    {
        Cube3DSpec.KindName => "8x16x8",
        AdderTreeSpec.KindName => "64x16",
        _ => "32x32",
    };

    public static TileSpec Parse(string kind, string shape, Dataflow systolicDataflow)
    {
        switch (kind)
        {
            case SystolicSpec.KindName:
                var (rows, cols) = Sides2(shape, "ROWSxCOLS", "32x8");
                return new SystolicSpec(rows, cols, systolicDataflow);
            case Matrix2DSpec.KindName:
                var (r, c) = Sides2(shape, "ROWSxCOLS", "32x32");
                return new Matrix2DSpec(r, c);
            case AdderTreeSpec.KindName:
                var (lanes, width) = Sides2(shape, "LANESxWIDTH", "32x16");
                return new AdderTreeSpec(lanes, width);
            case Cube3DSpec.KindName:
                var sides = Sides(shape, 3, "MxKxN", "16x16x16");
                return new Cube3DSpec(sides[0], sides[1], sides[2]);
            default:
                throw new SimInputException($"--arch: '{kind}' is not a tile kind. Fix: use one of {string.Join(", ", Kinds)}");
        }
    }

    private static (int, int) Sides2(string text, string form, string example)
    {
        var sides = Sides(text, 2, form, example);
        return (sides[0], sides[1]);
    }

    private static int[] Sides(string text, int count, string form, string example)
    {
        var parts = (text ?? "").Split('x', 'X');
        var sides = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 && v <= TileSpecReaders.MaxArraySide ? v : 0).ToArray();
        if (parts.Length != count || sides.Any(s => s == 0))
            throw new SimInputException($"--array: '{text}' is not an array shape. Fix: write {form} with integers from 1 to {TileSpecReaders.MaxArraySide}, e.g. {example}");
        return sides;
    }
}
