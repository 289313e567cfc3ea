namespace Sim.Core.Hardware;

/// <summary>
/// Which PE design a tile is built from. The non-baseline variants are modelled as documented factors on the baseline
/// MAC's energy and area (Sim.Arch/Energy/PeVariantFactors), not as different cycle behaviour.
/// </summary>
public enum PeVariant
{
    /// <summary>A conventional INT8×INT8 + INT32 multiply-accumulate PE.</summary>
    Mac,

    /// <summary>The bit-weight-transformed PEs of Wu et al., HPCA 2025 (arXiv 2503.06342).</summary>
    BitWeight,

    /// <summary>The EN-T encoder-based multiplier of Wu et al., ICCD 2024 (arXiv 2404.11887).</summary>
    EnT,
}

public static class PeVariantNames
{
    public static string ToName(this PeVariant variant) => variant switch
    {
        PeVariant.Mac => "mac",
        PeVariant.BitWeight => "bitweight",
        PeVariant.EnT => "ent",
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    public static bool TryParse(string text, out PeVariant variant)
    {
        foreach (var v in Enum.GetValues<PeVariant>())
        {
            if (v.ToName() == text)
            {
                variant = v;
                return true;
            }
        }

        variant = default;
        return false;
    }
}
