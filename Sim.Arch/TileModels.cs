using Sim.Arch.Systolic;
using Sim.Core.Hardware;

namespace Sim.Arch;

/// <summary>Tile kind → model; one line per kind.</summary>
public static class TileModels
{
    private static readonly Dictionary<string, ITileModel> s_models = new(StringComparer.Ordinal)
    {
        [SystolicSpec.KindName] = new SystolicModel(),
    };

    public static ITileModel For(TileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return s_models.TryGetValue(tile.Kind, out var model)
            ? model
            : throw new NotSupportedException($"no model is registered for tile kind '{tile.Kind}'");
    }
}
