using Sim.Arch.Folding;
using Sim.Core.Hardware;

namespace Sim.Arch.Sparse;

/// <summary>
/// Inner product (i,j,k) with dense output iteration: every output pair (i,j) is tested by merge-intersecting
/// A's row i with B's column j (CSC), Σ_{i,j}(r_i + c_j) = N·nnz(A) + M·nnz(B) coordinate reads in closed form.
/// Output rows are dealt to PEs by their coordinate reads; a row takes max(⌈F_i/mul⌉, ⌈(N·r_i + nnz(B))/merge⌉)
/// cycles (a PE intersects merge_ops coordinates per cycle and multiplies matches as they appear).
/// Traffic: B (CSC) is cut into blocks of consecutive columns that fit the on-chip buffer (next-fit, optimal for
/// contiguous blocks) and read once; A is streamed once per block; C is written once.
/// </summary>
public static class InnerProductModel
{
    public static SpGemmResult Evaluate(SpGemmStructure s, SparseTileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(tile);
        checked
        {
            var element = tile.ElementBytes;
            var blocks = ColumnBlocks(s.ColNnzB, tile.CacheBytes, element);

            var rowReads = new long[s.M];
            var mul = new long[s.M];
            var intersect = new long[s.M];
            var both = new long[s.M];
            for (var i = 0; i < s.M; i++)
            {
                rowReads[i] = (long)s.N * s.RowNnzA[i] + s.NnzB;
                mul[i] = FoldGeometry.CeilDiv(s.RowPartials[i], tile.MultipliersPerPe);
                intersect[i] = FoldGeometry.CeilDiv(rowReads[i], tile.MergeOpsPerPe);
                both[i] = Math.Max(mul[i], intersect[i]);
            }

            var owner = PeBalancer.Assign(rowReads, tile.Pes);
            var result = SpGemmModel.Base(s, tile, SpGemmDataflow.Inner) with
            {
                Intersections = (long)s.M * s.N,
                CoordinateReads = s.InnerCoordinateReads,
                BColumnBlocks = blocks,
                DramReadABytes = blocks * (s.NnzA * element + SpGemmModel.PointerBytes(s.M, tile)),
                DramReadBBytes = s.NnzB * element + SpGemmModel.PointerBytes(s.N, tile),
                DramWriteCBytes = s.NnzC * element + SpGemmModel.PointerBytes(s.M, tile),
                SramReadABytes = (long)s.N * s.NnzA * tile.IndexBytes + s.Multiplies * tile.ValueBytes,
                SramReadBBytes = (long)s.M * s.NnzB * tile.IndexBytes + s.Multiplies * tile.ValueBytes,
                SramWriteCBytes = s.NnzC * element,
                MultiplyCycles = PeBalancer.Makespan(owner, mul, tile.Pes),
                MergeCycles = PeBalancer.Makespan(owner, intersect, tile.Pes),
                ComputeCycles = PeBalancer.Makespan(owner, both, tile.Pes),
            };
            return SpGemmModel.WithTime(result, tile);
        }
    }

    /// <summary>
    /// Fewest blocks of consecutive B columns with each block's bytes ≤ the buffer (empty columns are free; a column
    /// larger than the buffer is a block of its own, streamed). At least one block when B has any nonzero.
    /// </summary>
    public static long ColumnBlocks(IReadOnlyList<int> columnNnz, long bufferBytes, int elementBytes)
    {
        ArgumentNullException.ThrowIfNull(columnNnz);
        long blocks = 0, filled = 0;
        var open = false;
        foreach (var nnz in columnNnz)
        {
            if (nnz == 0)
                continue;
            var bytes = (long)nnz * elementBytes;
            if (!open || checked(filled + bytes) > bufferBytes)
            {
                blocks++;
                filled = 0;
                open = true;
            }

            filled += bytes;
        }

        return blocks;
    }
}
