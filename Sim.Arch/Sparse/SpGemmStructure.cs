using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Exact structural statistics of C = A·B, from one symbolic Gustavson pass (a marker per output column, O(F)):
/// a_k = nnz(A[:,k]), b_k = nnz(B[k,:]), r_i = nnz(A[i,:]), c_j = nnz(B[:,j]), F_i = Σ_{k∈A_i} b_k partial products
/// of output row i, and nnz(C_i,:). Every model reads its counts from here; nothing is sampled.
/// </summary>
public sealed class SpGemmStructure
{
    private SpGemmStructure(SpGemm gemm)
    {
        var a = gemm.A;
        var b = gemm.B;
        M = gemm.M;
        K = gemm.K;
        N = gemm.N;
        NnzA = a.Nnz;
        NnzB = b.Nnz;
        ColNnzA = a.ColumnCounts();
        RowNnzB = b.RowCounts();
        ColNnzB = b.ColumnCounts();
        RowNnzA = a.RowCounts();
        RowPartials = new long[M];
        RowNnzC = new int[M];

        var lastRow = new int[N];
        Array.Fill(lastRow, -1);
        for (var i = 0; i < M; i++)
        {
            long partials = 0;
            var distinct = 0;
            foreach (var k in a.RowColumns(i))
            {
                partials += RowNnzB[k];
                foreach (var j in b.RowColumns(k))
                {
                    if (lastRow[j] == i)
                        continue;
                    lastRow[j] = i;
                    distinct++;
                }
            }

            RowPartials[i] = partials;
            RowNnzC[i] = distinct;
            Multiplies += partials;
            NnzC += distinct;
        }

        for (var k = 0; k < K; k++)
        {
            if ((long)ColNnzA[k] * RowNnzB[k] > 0)
                PartialMatrices++;
        }
    }

    public static SpGemmStructure Of(SpGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        return new SpGemmStructure(gemm);
    }

    public int M { get; }

    public int K { get; }

    public int N { get; }

    public long NnzA { get; }

    public long NnzB { get; }

    /// <summary>Structural nnz(C): positions receiving at least one partial product.</summary>
    public long NnzC { get; }

    /// <summary>F = Σ_k a_k·b_k = Σ_i F_i effectual multiplies.</summary>
    public long Multiplies { get; }

    /// <summary>Outer product's rank-1 partial matrices: #k with a_k·b_k &gt; 0.</summary>
    public long PartialMatrices { get; }

    /// <summary>a_k.</summary>
    public int[] ColNnzA { get; }

    /// <summary>b_k.</summary>
    public int[] RowNnzB { get; }

    /// <summary>c_j.</summary>
    public int[] ColNnzB { get; }

    /// <summary>r_i: also the number of B fibers merged into output row i.</summary>
    public int[] RowNnzA { get; }

    /// <summary>F_i = Σ_{k∈A_i} b_k: partial products of output row i.</summary>
    public long[] RowPartials { get; }

    /// <summary>nnz(C_i,:).</summary>
    public int[] RowNnzC { get; }

    public int MaxRowNnzA => RowNnzA.Length == 0 ? 0 : RowNnzA.Max();

    public long MaxRowPartials => RowPartials.Length == 0 ? 0 : RowPartials.Max();

    public int MaxRowNnzC => RowNnzC.Length == 0 ? 0 : RowNnzC.Max();

    /// <summary>Inner product with dense output iteration: Σ_{i,j}(r_i + c_j) = N·nnz(A) + M·nnz(B) coordinate reads (closed form; M·N pairs are never enumerated).</summary>
    public long InnerCoordinateReads => (long)N * NnzA + (long)M * NnzB;
}
