namespace Sim.Core.Workloads;

/// <summary>
/// How attention is split into passes over memory. <see cref="Unfused"/>: QKᵀ writes S to DRAM, a 3-pass softmax
/// (max; Σexp; normalise) reads it three times and writes P, P·V reads P. <see cref="TwoPass"/>: the same with
/// Dukhan–Ablavatski's 2-pass softmax ((mantissa, exponent) sums need no max pass). <see cref="Fused"/>: one pass of
/// online softmax over Br×Bc blocks (FlashAttention/FuseMax): S never leaves the chip.
/// </summary>
public enum AttentionLowering
{
    Unfused,
    TwoPass,
    Fused,
}

public static class AttentionLoweringNames
{
    public static readonly AttentionLowering[] All = [AttentionLowering.Unfused, AttentionLowering.TwoPass, AttentionLowering.Fused];

    public static string ToName(this AttentionLowering lowering) => lowering switch
    {
        AttentionLowering.Unfused => "unfused",
        AttentionLowering.TwoPass => "two-pass",
        AttentionLowering.Fused => "fused",
        _ => throw new ArgumentOutOfRangeException(nameof(lowering)),
    };

    public static bool TryParse(string? text, out AttentionLowering lowering)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToName() == text)
            {
                lowering = candidate;
                return true;
            }
        }

        lowering = default;
        return false;
    }
}
