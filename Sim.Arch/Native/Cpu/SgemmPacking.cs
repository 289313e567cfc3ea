namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Copies operands into the order the micro-kernel reads them, zero-padding partial tiles so the kernel never
/// branches on edges (padded rows/columns add exact zeros and are not written back).
/// </summary>
internal static unsafe class SgemmPacking
{
    /// <summary>
    /// Rows [i0, i0+mc) × depth [p0, p0+kc) of row-major A (lda = K) into MR-row panels: panel r holds, for each p,
    /// the MR values A[i0 + r·MR + 0..MR−1, p] consecutively.
    /// </summary>
    public static void PackA(float* a, int lda, int i0, int mc, int p0, int kc, int mr, float* packed)
    {
        for (var panel = 0; panel * mr < mc; panel++)
        {
            var rows = Math.Min(mr, mc - panel * mr);
            var dst = packed + (long)panel * kc * mr;
            var src = a + (long)(i0 + panel * mr) * lda + p0;
            if (rows == mr)
            {
                for (var p = 0; p < kc; p++)
                {
                    for (var r = 0; r < mr; r++)
                        dst[p * mr + r] = src[(long)r * lda + p];
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    for (var r = 0; r < mr; r++)
                        dst[p * mr + r] = r < rows ? src[(long)r * lda + p] : 0f;
                }
            }
        }
    }

    /// <summary>
    /// NR-column panel <paramref name="panel"/> of depth block [p0, p0+kc) of row-major B (ldb = N): for each p, the NR
    /// values B[p, panel·NR + 0..NR−1] consecutively.
    /// </summary>
    public static void PackBPanel(float* b, int ldb, int n, int p0, int kc, int panel, int nr, float* dst)
    {
        var j0 = panel * nr;
        var cols = Math.Min(nr, n - j0);
        for (var p = 0; p < kc; p++)
        {
            var src = b + (long)(p0 + p) * ldb + j0;
            var row = dst + (long)p * nr;
            if (cols == nr)
            {
                new ReadOnlySpan<float>(src, nr).CopyTo(new Span<float>(row, nr));
            }
            else
            {
                for (var c = 0; c < nr; c++)
                    row[c] = c < cols ? src[c] : 0f;
            }
        }
    }
}
