namespace Sim.Explorer.Verify;

/// <summary>
/// Rounding-error bounds (Higham, Accuracy and Stability of Numerical Algorithms, §2–3): any dot product of n terms,
/// in any summation order (sequential, pairwise, tiled, fused multiply-add), with each product and sum rounded, satisfies
/// |fl(x·y) − x·y| ≤ γ_n·Σ|x_i·y_i|, γ_n = n·u / (1 − n·u).
/// </summary>
public static class FloatBounds
{
    /// <summary>Unit roundoff of fp32: 2⁻²⁴.</summary>
    public const double SingleUnitRoundoff = 1.0 / (1 << 24);

    /// <summary>Unit roundoff of fp64: 2⁻⁵³ (CSR values are doubles).</summary>
    public const double DoubleUnitRoundoff = 1.0 / (1L << 53);

    /// <summary>Unit roundoff of fp16: 2⁻¹¹ (the PIM devices store fp16).</summary>
    public const double HalfUnitRoundoff = 1.0 / (1 << 11);

    /// <summary>
    /// The constant c in |z − ref| ≤ c·γ_K·Σ|a||b| for fp32 GEMM: the path under test contributes at most γ_K·Σ|a||b|
    /// (any order), and the oracle (ReferenceGemm: exact-enough double sum, then one rounding to fp32) contributes at
    /// most u·|Σab| + γ_K(fp64)·Σ|a||b| ≤ γ_K·Σ|a||b|. The triangle inequality adds the two: c = 2.
    /// </summary>
    public const double GemmConstant = 2;

    /// <summary>γ_n = n·u / (1 − n·u); infinite once n·u ≥ 1 (no bound is possible).</summary>
    public static double Gamma(long n, double unitRoundoff)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var nu = n * unitRoundoff;
        return nu < 1 ? nu / (1 - nu) : double.PositiveInfinity;
    }

    /// <summary>Elementwise bound for fp32 Z = A·B against <c>ReferenceGemm.Fp32</c>: c·γ_K·Σ_k|a_ik·b_kj|.</summary>
    public static double[] Gemm(double[] absoluteProductSums, int k)
    {
        ArgumentNullException.ThrowIfNull(absoluteProductSums);
        var scale = GemmConstant * Gamma(k, SingleUnitRoundoff);
        return [.. absoluteProductSums.Select(s => scale * s)];
    }
}
