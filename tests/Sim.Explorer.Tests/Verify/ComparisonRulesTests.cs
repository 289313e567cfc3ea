using CsCheck;
using Sim.Core.Reference;
using Sim.Core.Sparse;
using Sim.Explorer.Verify;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Tests.Verify;

/// <summary>The comparison rules and bounds, pinned by hand.</summary>
public class ComparisonRulesTests
{
    private const double U = 1.0 / (1 << 24);

    [Fact]
    public void Exact_int_check_fails_on_a_single_off_by_one()
    {
        Assert.True(Compare.Exact([1, -2, 3], [1, -2, 3]).Ok);
        var off = Compare.Exact([1, -2, 4], [1, -2, 3]);
        Assert.False(off.Ok);
        Assert.Equal(1, off.MaxAbsError);
        Assert.Equal("1 of 3 elements differ", off.Note);
        Assert.False(Compare.Exact([1, 2], [1, 2, 3]).Ok);
    }

    [Fact]
    public void Gamma_is_n_u_over_one_minus_n_u()
    {
        Assert.Equal(2 * U / (1 - (2 * U)), FloatBounds.Gamma(2, U));
        Assert.Equal(0, FloatBounds.Gamma(0, U));
        Assert.Equal(double.PositiveInfinity, FloatBounds.Gamma(1 << 24, U));
    }

    [Fact]
    public void Gemm_bound_on_a_2x2_example_by_hand()
    {
        // A = [1 2; 3 4], B = [5 6; 7 8]: Σ_k|a||b| = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50].
        float[] a = [1, 2, 3, 4], b = [5, 6, 7, 8];
        var sums = ReferenceGemm.AbsoluteProductSums(a, b, 2, 2, 2);
        Assert.Equal([19.0, 22, 43, 50], sums);
        var gamma2 = 2 * U / (1 - (2 * U));
        Assert.Equal([2 * gamma2 * 19, 2 * gamma2 * 22, 2 * gamma2 * 43, 2 * gamma2 * 50], FloatBounds.Gemm(sums, 2));
        Assert.Equal(100.0 / (1 << 23), FloatBounds.Gemm(sums, 2)[3], tolerance: 1e-11); // ≈ 1.19e-5 for the 50
    }

    [Fact]
    public void A_value_one_ulp_past_the_bound_fails()
    {
        // Reference 1, bound one fp32 ulp of 1 (2⁻²³): 1 + 2⁻²³ is inside, the next float 1 + 2⁻²² is not.
        double[] expected = [1.0], bound = [1.0 / (1 << 23)];
        Assert.True(Compare.Within([1f + (1f / (1 << 23))], expected, bound).Ok);
        Assert.True(Compare.Within([1f - (1f / (1 << 23))], expected, bound).Ok);
        var far = Compare.Within([BitIncrement(1f + (1f / (1 << 23)))], expected, bound);
        Assert.False(far.Ok);
        Assert.Equal(1.0 / (1 << 22), far.MaxAbsError);
        Assert.Equal(bound[0], far.Bound);
        Assert.Equal(2, far.WorstRatio);
    }

    [Fact]
    public void On_a_real_gemm_the_largest_float_within_the_bound_passes_and_the_next_fails()
    {
        float[] a = [0.1f, -0.7f, 0.3f], b = [0.9f, 0.2f, -0.4f];
        var reference = ReferenceGemm.Fp32(a, b, 1, 1, 3)[0];
        var bound = FloatBounds.Gemm(ReferenceGemm.AbsoluteProductSums(a, b, 1, 1, 3), 3)[0];
        var inside = reference;
        while (Math.Abs((double)BitIncrement(inside) - reference) <= bound)
            inside = BitIncrement(inside);
        Assert.True(Compare.Within([inside], [reference], [bound]).Ok);
        Assert.False(Compare.Within([BitIncrement(inside)], [reference], [bound]).Ok);
    }

    [Fact]
    public void Nan_never_passes()
    {
        Assert.False(Compare.Within([float.NaN], [0.0], [double.PositiveInfinity]).Ok);
    }

    [Fact]
    public void A_nan_element_fails_but_does_not_hide_the_largest_finite_error()
    {
        // Element 0 is NaN, element 1 is off by 0.5 (within its bound), element 2 off by 0.25.
        var c = Compare.Within([double.NaN, 2.5, 3.25], [1.0, 2.0, 3.0], [1.0, 1.0, 1.0]);
        Assert.False(c.Ok);
        Assert.Equal(0.5, c.MaxAbsError);
        Assert.Equal(1.0, c.Bound);
        Assert.Equal(double.PositiveInfinity, c.WorstRatio);
        Assert.Equal("1 of 3 elements outside the bound (1 NaN)", c.Note);
        var allNan = Compare.Within([double.NaN, double.NaN], [1.0, 2.0], [1.0, 1.0]);
        Assert.True(double.IsNaN(allNan.MaxAbsError));
        Assert.Equal("2 of 2 elements outside the bound (2 NaN)", allNan.Note);
        var empty = Compare.Within(ReadOnlySpan<double>.Empty, [], []);
        Assert.True(empty.Ok);
        Assert.Equal((0.0, 0.0, 0.0), (empty.MaxAbsError, empty.Bound, empty.WorstRatio));
    }

    [Fact]
    public void Max_error_comes_with_its_own_bound_and_the_worst_ratio_over_all_elements()
    {
        // Element 0 has the larger error (ratio 0.5); element 1 is closer to its bound (ratio 0.67).
        var c = Compare.Within([1.5f, 2.1f], [1.0, 2.0], [1.0, 0.15]);
        Assert.True(c.Ok);
        Assert.Equal(0.5, c.MaxAbsError);
        Assert.Equal(1.0, c.Bound);
        Assert.Equal(0.1 / 0.15, c.WorstRatio, 5);
        Assert.Equal(double.PositiveInfinity, Compare.Exact([2], [1]).WorstRatio);
    }

    [Fact]
    public void Attention_bound_for_one_key_by_hand()
    {
        // One key: p = 1, so O = v exactly; bound = 2·(2Δ + γ_13)·|v| with Δ = γ_{d+3}·|q·k|/√d, d = 1.
        var op = new AttentionOp("one", 1, 1, 1, 1, 1, 1, false);
        var bound = AttentionBounds.For(op, [2f], [3f], [-5f]);
        var delta = FloatBounds.Gamma(4, U) * 6;
        Assert.Equal(2 * ((2 * delta) + FloatBounds.Gamma(13, U)) * 5, bound[0], tolerance: 1e-20);
        var pim = AttentionBounds.For(op, [2f], [3f], [-5f], FloatBounds.HalfUnitRoundoff);
        Assert.Equal(2 * ((2 * delta) + FloatBounds.Gamma(13, U) + (1.0 / 2048)) * 5, pim[0], tolerance: 1e-18);
    }

    [Fact]
    public void Spgemm_structure_must_match_exactly_and_values_within_the_bound()
    {
        var a = CsrMatrix.FromTriplets(2, 2, [(0, 0, 1.5), (0, 1, -2), (1, 1, 3)]);
        var c = ReferenceSpGemm.Multiply(a, a); // [2.25, -9; 0, 9]: row 0 has (0,0) and (0,1), row 1 has (1,1)
        var bound = SpGemmBounds.For(a, a);
        // (0,1) = 1.5·(−2) + (−2)·3: two products, Σ|ab| = 9, so its bound is 2·γ_2(fp64)·9.
        Assert.Equal(2 * FloatBounds.Gamma(2, FloatBounds.DoubleUnitRoundoff) * 9, bound[1]);
        Assert.True(SpGemmBounds.Compare(c, c, bound).Ok);
        var moved = CsrMatrix.FromTriplets(2, 2, [(0, 0, 2.25), (1, 0, -9), (1, 1, 9)]);
        Assert.Equal("row pointers differ (nnz 3, expected 3)", SpGemmBounds.Compare(moved, c, bound).Note);
        var wrong = CsrMatrix.FromTriplets(2, 2, [(0, 0, 2.25), (0, 1, -9.001), (1, 1, 9)]);
        Assert.False(SpGemmBounds.Compare(wrong, c, bound).Ok);
        Assert.Equal(4, SpGemmBounds.Multiplies(a, a)); // Σ_k nnz(A[:,k])·nnz(A[k,:]) = 1·2 + 2·1
    }

    [Fact]
    public void The_gemm_bound_holds_for_plain_fp32_loops_in_any_order()
    {
        // Independent of the executors: a forward and a reversed fp32 loop must both sit inside c·γ_K·Σ|a||b|.
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 9], Gen.Int[1, 200], Gen.Int).Sample((m, n, k, seed) =>
        {
            var random = new Random(seed);
            var a = VerifyOperands.Floats(random, m * k);
            var b = VerifyOperands.Floats(random, k * n);
            var expected = ReferenceGemm.Fp32(a, b, m, n, k).Select(x => (double)x).ToArray();
            var bound = FloatBounds.Gemm(ReferenceGemm.AbsoluteProductSums(a, b, m, n, k), k);
            var forward = new float[m * n];
            var backward = new float[m * n];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    for (var p = 0; p < k; p++)
                    {
                        forward[i * n + j] += a[i * k + p] * b[p * n + j];
                        backward[i * n + j] += a[i * k + (k - 1 - p)] * b[(k - 1 - p) * n + j];
                    }
                }
            }

            return Compare.Within(forward, expected, bound).Ok && Compare.Within(backward, expected, bound).Ok;
        }, iter: 200);
    }

    private static float BitIncrement(float x) => MathF.BitIncrement(x);
}
