using Sim.Core.Sparse;

namespace Sim.Explorer.Verify;

/// <summary>
/// SpGEMM values are fp64 (CSR holds doubles): output c_ij is a dot product over its n_ij structural products, so any
/// order satisfies |c'_ij − c_ij| ≤ γ_{n_ij}·Σ|a_ik·b_kj| (u = 2⁻⁵³); the oracle's own order contributes as much
/// again, hence the factor 2, as for GEMM. n_ij and Σ|a||b| come from <c>ReferenceSpGemm</c> on the pattern and on
/// |A|, |B| (same structure as C by construction).
/// </summary>
public static class SpGemmBounds
{
    public static double[] For(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var absolute = ReferenceSpGemm.Multiply(a.Abs(), b.Abs()).Values;
        var counts = ReferenceSpGemm.Multiply(Pattern(a), Pattern(b)).Values;
        var bound = new double[absolute.Length];
        for (var i = 0; i < bound.Length; i++)
            bound[i] = FloatBounds.GemmConstant * FloatBounds.Gamma((long)counts[i], FloatBounds.DoubleUnitRoundoff) * absolute[i];
        return bound;
    }

    /// <summary>Multiplications of A·B: Σ_k nnz(A[:,k])·nnz(B[k,:]).</summary>
    public static long Multiplies(CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        long total = 0;
        foreach (var k in a.ColumnIndices)
            total += b.RowNnz(k);
        return total;
    }

    private static CsrMatrix Pattern(CsrMatrix m) =>
        new(m.Rows, m.Cols, m.RowPointers.ToArray(), m.ColumnIndices.ToArray(), [.. Enumerable.Repeat(1.0, m.Nnz)]);

    /// <summary>Exact structure (row pointers and column indices), then values within the bound.</summary>
    public static Comparison Compare(CsrMatrix actual, CsrMatrix expected, double[] bound)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Rows != expected.Rows || actual.Cols != expected.Cols)
            return Comparison.Failed($"{actual.Rows}×{actual.Cols}, expected {expected.Rows}×{expected.Cols}");
        if (!actual.RowPointers.SequenceEqual(expected.RowPointers))
            return Comparison.Failed($"row pointers differ (nnz {actual.Nnz}, expected {expected.Nnz})");
        if (!actual.ColumnIndices.SequenceEqual(expected.ColumnIndices))
            return Comparison.Failed("column indices differ");
        return Verify.Compare.Within(actual.Values, expected.Values, bound);
    }
}
