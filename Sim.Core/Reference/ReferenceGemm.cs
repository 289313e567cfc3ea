namespace Sim.Core.Reference;

/// <summary>
/// Naive, obviously correct GEMM kernels (row-major Z[M,N] = A[M,K]·B[K,N]); the oracle for every
/// functional model. fp32 accumulates in double so the oracle is more exact than any fp32 device order.
/// </summary>
public static class ReferenceGemm
{
    public static float[] Fp32(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int n, int k)
    {
        CheckSizes(a.Length, b.Length, m, n, k);
        var z = new float[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                    sum += (double)a[i * k + p] * b[p * n + j];
                z[i * n + j] = (float)sum;
            }
        }

        return z;
    }

    /// <summary>int8 × int8 → int32, exact for K < 2^17 (at K = 2^17, all −128 operands sum to 2^31 and wrap).</summary>
    public static int[] Int8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, int m, int n, int k)
    {
        CheckSizes(a.Length, b.Length, m, n, k);
        var z = new int[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0;
                for (var p = 0; p < k; p++)
                    sum += a[i * k + p] * b[p * n + j];
                z[i * n + j] = sum;
            }
        }

        return z;
    }

    /// <summary>Σ_p |A[i,p]·B[p,j]| per output: the scale against which an fp32 result's rounding error is judged.</summary>
    public static double[] AbsoluteProductSums(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int m, int n, int k)
    {
        CheckSizes(a.Length, b.Length, m, n, k);
        var s = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                    sum += Math.Abs((double)a[i * k + p] * b[p * n + j]);
                s[i * n + j] = sum;
            }
        }

        return s;
    }

    private static void CheckSizes(int aLength, int bLength, int m, int n, int k)
    {
        if (m <= 0 || n <= 0 || k <= 0)
            throw new ArgumentException($"GEMM dims must be positive (M={m} N={n} K={k})");
        if (aLength != m * k)
            throw new ArgumentException($"A has {aLength} elements, expected M·K = {m * k}");
        if (bLength != k * n)
            throw new ArgumentException($"B has {bLength} elements, expected K·N = {k * n}");
    }
}
