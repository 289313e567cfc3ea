using Sim.Core.Hardware;

namespace Sim.Arch.Energy;

/// <summary>
/// Efficiency gains of the non-baseline PE variants, taken from the papers as documented factors (not modelled from
/// circuits): MAC energy is divided by the energy-efficiency gain, MAC area by the area-efficiency gain.
/// <list type="bullet">
/// <item>bitweight — Wu et al., "Exploring the Performance Improvement of Tensor Processing Engines through
/// Transformation in the Bit-weight Dimension of MACs", HPCA 2025 (arXiv 2503.06342): area efficiency 1.27× / 1.28× /
/// 1.56× / 1.44× and energy efficiency 1.04× / 1.56× / 1.49× / 1.20× for systolic / 3D-cube / adder tree /
/// 2D-matrix.</item>
/// <item>ent — Wu et al., "EN-T", ICCD 2024 (arXiv 2404.11887): +8.7 / +12.2 / +11.0 % area efficiency and
/// +13.0 / +17.5 / +15.5 % energy efficiency at 256 GOPS, 1 TOPS and 4 TOPS engines. We read those scales as MAC
/// operations per second — 256, 1024 and 4096 MACs at 1 GHz, the engine sizes both papers evaluate — and a tile takes
/// the figures of the scale nearest (in log) to its peak MACs × clock; a tie goes to the smaller scale.</item>
/// </list>
/// </summary>
public static class PeVariantFactors
{
    private static readonly (double PeakGmacs, double AreaGain, double EnergyGain)[] s_enT =
    [
        (256, 1.087, 1.130),
        (1024, 1.122, 1.175),
        (4096, 1.110, 1.155),
    ];

    /// <summary>
    /// Null when the papers give <paramref name="variant"/> figures for <paramref name="tile"/>'s kind, otherwise why
    /// not (bit-weight has figures for the four accelerator kinds only). Loaders check this so a bad combination is an
    /// input error, not the exception <see cref="Of"/> throws.
    /// </summary>
    public static string? Problem(PeVariant variant, TileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return variant == PeVariant.BitWeight && tile is not (SystolicSpec or Cube3DSpec or AdderTreeSpec or Matrix2DSpec)
            ? $"the bit-weight paper has no figures for tile kind '{tile.Kind}' (only systolic, cube, addertree and matrix2d)"
            : null;
    }

    public static (double AreaGain, double EnergyGain) Of(PeVariant variant, TileSpec tile, double clockGhz)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return variant switch
        {
            PeVariant.Mac => (1, 1),
            PeVariant.BitWeight => tile switch
            {
                SystolicSpec => (1.27, 1.04),
                Cube3DSpec => (1.28, 1.56),
                AdderTreeSpec => (1.56, 1.49),
                Matrix2DSpec => (1.44, 1.20),
                _ => throw new NotSupportedException($"the bit-weight paper has no figures for tile kind '{tile.Kind}'"),
            },
            PeVariant.EnT => EnT(tile.PeCount * clockGhz),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
    }

    private static (double AreaGain, double EnergyGain) EnT(double peakGmacs)
    {
        // MinBy keeps the first of equal distances: scales are listed smallest first. Distances are compared in
        // log2 and rounded, so a tile exactly between two scales is a tie, not a floating-point coin toss.
        var nearest = s_enT.MinBy(s => Math.Round(Math.Abs(Math.Log2(peakGmacs / s.PeakGmacs)), 9));
        return (nearest.AreaGain, nearest.EnergyGain);
    }
}
