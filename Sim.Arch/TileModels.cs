using Sim.Arch.Systolic;
using Sim.Core.Hardware;

namespace Sim.Arch;

/// <summary>Tile kind → model; one line per kind.</summary>
public static class TileModels
{
    /// <summary>
    /// Bump whenever any model's numbers change. It is part of every sweep point id, so <c>--resume</c> never mixes
    /// results of an older model into a new run. The committed reports/tpe-compare/points.csv is the tripwire: a test
    /// regenerates it and fails on any difference, saying to bump this and regenerate.
    /// </summary>
    public const int ModelRevision = 3;

    private static readonly Dictionary<string, ITileModel> s_models = new(StringComparer.Ordinal)
    {
        [SystolicSpec.KindName] = new SystolicModel(),
        [Cube3DSpec.KindName] = new Cube3D.Cube3DModel(),
        [AdderTreeSpec.KindName] = new AdderTree.AdderTreeModel(),
        [Matrix2DSpec.KindName] = new Matrix2D.Matrix2DModel(),
        [CalibratedTileSpec.KindName] = new Calibrated.CalibratedModel(),
    };

    public static ITileModel For(TileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return s_models.TryGetValue(tile.Kind, out var model)
            ? model
            : throw new NotSupportedException($"no model is registered for tile kind '{tile.Kind}'");
    }
}
