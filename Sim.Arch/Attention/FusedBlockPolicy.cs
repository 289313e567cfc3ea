namespace Sim.Arch.Attention;

/// <summary>
/// How the fused lowering picks its Br×Bc block. <see cref="Auto"/> (the default) searches power-of-two blocks that
/// fit the buffer (plus FA1's) and keeps the one with the lowest energy-delay product: the block a compiler for this
/// accelerator would pick.
/// <see cref="Fa1"/> is FlashAttention-1's rule (Bc = ⌈M/4d⌉, Br = min(Bc, d)), written for a GPU's ~100 KB of shared
/// memory: on a large scratchpad it keeps Br ≤ d, so K and V are re-read ⌈N/d⌉ times and a 128-row array runs half
/// empty at d = 64 — kept as the published baseline.
/// </summary>
public enum FusedBlockPolicy
{
    Auto,
    Fa1,
}

public static class FusedBlockPolicyNames
{
    public static string ToName(this FusedBlockPolicy policy) => policy == FusedBlockPolicy.Fa1 ? "fa1" : "auto";

    public static bool TryParse(string? text, out FusedBlockPolicy policy)
    {
        policy = text == "fa1" ? FusedBlockPolicy.Fa1 : FusedBlockPolicy.Auto;
        return text is "auto" or "fa1";
    }
}
