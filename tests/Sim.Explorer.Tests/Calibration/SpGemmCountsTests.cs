using Sim.Core.Sparse;
using Sim.Explorer.Calibration;

namespace Sim.Explorer.Tests.Calibration;

public class SpGemmCountsTests
{
    [Fact]
    public void Counts_match_the_reference_product_and_a_hand_count()
    {
        // A = [[1,1,0],[0,0,1],[0,0,0]], B = [[1,0,1],[1,1,0],[0,0,1]]: row 0 = B0 + B1 → 2 + 2 = 4 products on
        // columns {0,1,2} (3 nonzeros, sort 3·log2 3); row 1 = B2 → 1 product, 1 nonzero; row 2 empty.
        var a = CsrMatrix.FromTriplets(3, 3, [(0, 0, 1.0), (0, 1, 1.0), (1, 2, 1.0)]);
        var b = CsrMatrix.FromTriplets(3, 3, [(0, 0, 1.0), (0, 2, 1.0), (1, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0)]);
        var counts = SpGemmCounts.Of(a, b);
        Assert.Equal(5, counts.Multiplications);
        Assert.Equal(ReferenceSpGemm.Multiply(a, b).Nnz, counts.OutputNnz);
        Assert.Equal(4, counts.OutputNnz);
        Assert.Equal(3, counts.Rows);
        Assert.Equal(3 * Math.Log2(3), counts.SortComparisons, 12);
    }

    [Fact]
    public void Random_operands_agree_with_the_reference()
    {
        var op = new SparseOperand(300, 300, 6, 11);
        var a = CalibrationInputs.Sparse(op);
        var b = CalibrationInputs.Sparse(op with { Seed = 12 });
        Assert.Equal(300 * 6, a.Nnz);
        Assert.Equal(ReferenceSpGemm.Multiply(a, b).Nnz, SpGemmCounts.Of(a, b).OutputNnz);
    }
}
