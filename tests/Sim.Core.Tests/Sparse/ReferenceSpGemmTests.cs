using CsCheck;
using Sim.Core.Sparse;

namespace Sim.Core.Tests.Sparse;

public class ReferenceSpGemmTests
{
    [Fact]
    public void Matches_a_dense_triple_loop_on_random_operands()
    {
        // Dense oracle: C[i,j] = Σ_k A[i,k]·B[k,j]; a position is structural when some stored A[i,k] meets a stored B[k,j].
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Gen.Int[0, 7]).SelectMany((m, k, n) =>
                Gen.Select(Gen.Int[-2, 2].Array[m * k], Gen.Int[-2, 2].Array[k * n]).Select((a, b) => (m, k, n, a, b)))
            .Sample(t =>
            {
                // Cell value 2 marks "absent"; every other value, zero included, is a stored entry.
                var a = Dense(t.m, t.k, t.a);
                var b = Dense(t.k, t.n, t.b);
                var c = ReferenceSpGemm.Multiply(a, b);
                for (var i = 0; i < t.m; i++)
                {
                    var row = c.RowColumns(i).ToArray();
                    var values = c.RowValues(i).ToArray();
                    for (var j = 0; j < t.n; j++)
                    {
                        bool structural = false;
                        double sum = 0;
                        for (var p = 0; p < t.k; p++)
                        {
                            if (t.a[i * t.k + p] == 2 || t.b[p * t.n + j] == 2)
                                continue;
                            structural = true;
                            sum += t.a[i * t.k + p] * (double)t.b[p * t.n + j];
                        }

                        var at = Array.IndexOf(row, j);
                        if (structural != (at >= 0) || (structural && values[at] != sum))
                            return false;
                    }
                }

                return true;
            });
    }

    private static CsrMatrix Dense(int rows, int cols, int[] cells) => CsrMatrix.FromTriplets(rows, cols,
        Enumerable.Range(0, rows * cols).Where(p => cells[p] != 2).Select(p => (p / cols, p % cols, (double)cells[p])));

    [Fact]
    public void Cancelling_products_stay_structural()
    {
        // [1 1]·[1; -1] = 0, but the position received two products: it is a structural entry of C.
        var a = CsrMatrix.FromTriplets(1, 2, [(0, 0, 1), (0, 1, 1)]);
        var b = CsrMatrix.FromTriplets(2, 1, [(0, 0, 1), (1, 0, -1)]);
        var c = ReferenceSpGemm.Multiply(a, b);
        Assert.Equal(1, c.Nnz);
        Assert.Equal(0.0, c.Values[0]);
    }

    [Fact]
    public void Mismatched_inner_dimensions_are_rejected()
    {
        var a = CsrMatrix.FromTriplets(2, 3, []);
        var b = CsrMatrix.FromTriplets(2, 2, []);
        Assert.Throws<ArgumentException>(() => ReferenceSpGemm.Multiply(a, b));
        Assert.Throws<ArgumentException>(() => new SpGemm("x", a, "a", b, "b"));
        var g = new SpGemm("x", a, "a", CsrMatrix.FromTriplets(3, 4, []), "b");
        Assert.Equal((2, 3, 4), (g.M, g.K, g.N));
    }
}
