namespace Sim.Arch.Folding;

/// <summary>The shape check every functional executor makes before it runs Z[M,N] = A[M,K]·B[K,N] (row-major).</summary>
public static class GemmOperands
{
    public static void Check<T>(T[] a, T[] b, int m, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (m <= 0 || n <= 0 || k <= 0 || a.Length != (long)m * k || b.Length != (long)k * n)
            throw new ArgumentException($"operand sizes {a.Length}, {b.Length} do not match M={m} N={n} K={k}");
    }

    /// <summary>int8 operands widened to int32, so products, trees and accumulators are exact.</summary>
    public static int[] Widen(sbyte[] values) => Array.ConvertAll(values, x => (int)x);
}
