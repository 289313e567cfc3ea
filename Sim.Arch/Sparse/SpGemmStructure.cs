using Sim.Core.Sparse;

namespace Sim.Arch.Sparse;

/// <summary>
/// Exact structural statistics of C = A·B, from one symbolic Gustavson pass (a marker per output column, O(F)):
/// a_k = nnz(A[:,k]), b_k = nnz(B[k,:]), r_i = nnz(A[i,:]), c_j = nnz(B[:,j]), F_i = Σ_{k∈A_i} b_k partial products
/// of output row i, f_i = #{k ∈ A_i : b_k &gt; 0} non-empty B fibers merged into row i, and nnz(C_i,:). Every model
/// reads its counts from here; nothing is sampled. The structure keeps its <see cref="Gemm"/>, so a model can never
/// be handed the counts of one product and the operands of another.
/// </summary>
public sealed class SpGemmStructure
{
    private SpGemmStructure(SpGemm gemm)
    {
        var a = gemm.A;
        var b = gemm.B;
        Gemm = gemm;
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
        RowFibers = new int[M];

        var lastRow = new int[N];
        Array.Fill(lastRow, -1);
        for (var i = 0; i < M; i++)
        {
            long partials = 0;
            int distinct = 0, fibers = 0;
            foreach (var k in a.RowColumns(i))
            {
                partials += RowNnzB[k];
                if (RowNnzB[k] > 0)
                    fibers++;
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
            RowFibers[i] = fibers;
            Multiplies = checked(Multiplies + partials);
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

    /// <summary>The product these counts describe.</summary>
    public SpGemm Gemm { get; }

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

    /// <summary>r_i = nnz(A[i,:]), counting k whose B row is empty (SOURCES.md's "max r_i").</summary>
    public int[] RowNnzA { get; }

    /// <summary>F_i = Σ_{k∈A_i} b_k: partial products of output row i.</summary>
    public long[] RowPartials { get; }

    /// <summary>f_i = #{k ∈ A_i : b_k &gt; 0}: the non-empty B fibers a merger combines for row i (empty ones are skipped).</summary>
    public int[] RowFibers { get; }

    /// <summary>nnz(C_i,:).</summary>
    public int[] RowNnzC { get; }

    public int MaxRowNnzA => RowNnzA.Length == 0 ? 0 : RowNnzA.Max();

    public long MaxRowPartials => RowPartials.Length == 0 ? 0 : RowPartials.Max();

    public int MaxRowNnzC => RowNnzC.Length == 0 ? 0 : RowNnzC.Max();

    /// <summary>Inner product with dense output iteration: Σ_{i,j}(r_i + c_j) = N·nnz(A) + M·nnz(B) coordinate reads (closed form; M·N pairs are never enumerated).</summary>
    public long InnerCoordinateReads => checked((long)N * NnzA + (long)M * NnzB);
}
