using CsCheck;
using Sim.Arch.Native;
using Sim.Arch.Tests.Sparse;
using Sim.Core.Sparse;

namespace Sim.Arch.Tests.Native.Gpu;

/// <summary>
/// The two-pass hash SpGEMM on the emulated GPU against <see cref="ReferenceSpGemm"/>: same structure (cancelled sums
/// stay structural, as in the reference) and the same values (small integers: every order sums exactly).
/// </summary>
[Collection(GpuEmulatedGroup.Name)]
public class GpuSpGemmTests(GpuEmulatedFixture fixture)
{
    private readonly INativeTarget _gpu = fixture.Target;

    private CsrMatrix Run(CsrMatrix a, CsrMatrix b)
    {
        using var run = _gpu.SpGemm(a, b);
        run.Run();
        return run.Result();
    }

    private static void AssertSame(CsrMatrix expected, CsrMatrix actual)
    {
        Assert.True(expected.SameStructure(actual), "structure differs");
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
    }

    [Fact]
    public void Random_small_products_match_the_reference() =>
        SparseGen.Gemm.Sample(g => AssertSame(ReferenceSpGemm.Multiply(g.A, g.B), Run(g.A, g.B)), iter: 60);

    [Fact]
    public void Empty_rows_cancellation_and_a_dense_row_match_the_reference()
    {
        // Row 0 empty; row 1 cancels to an explicit zero at column 0; row 2 hits every column of B.
        var a = CsrMatrix.FromTriplets(3, 3, [(1, 0, 1.0), (1, 1, -1.0), (2, 0, 2.0), (2, 1, 3.0), (2, 2, 0.5)]);
        var b = CsrMatrix.FromTriplets(3, 4, [(0, 0, 1.0), (1, 0, 1.0), (1, 3, 2.0), (2, 1, 4.0), (2, 2, -1.0)]);
        var c = Run(a, b);
        AssertSame(ReferenceSpGemm.Multiply(a, b), c);
        Assert.Equal(0, c.RowNnz(0));
        Assert.Equal([0, 3], c.RowColumns(1).ToArray());
        Assert.Equal([0.0, -2.0], c.RowValues(1).ToArray());
    }

    [Fact]
    public void A_repeated_run_gives_the_same_matrix()
    {
        var a = CsrMatrix.FromTriplets(2, 2, [(0, 0, 1.5), (0, 1, 2.0), (1, 1, 1.0)]);
        using var run = _gpu.SpGemm(a, a);
        run.Run();
        run.Run();
        AssertSame(ReferenceSpGemm.Multiply(a, a), run.Result());
    }
}
