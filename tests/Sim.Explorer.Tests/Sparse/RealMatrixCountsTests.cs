using Sim.Arch.Sparse;
using Sim.Core.Hardware;
using Sim.Core.Sparse;
using Sim.Explorer.Import;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Sparse;

/// <summary>
/// C = A·A on the 11 shipped matrices against the exact counts in workloads/matrices/SOURCES.md and the research
/// notes' table B.4 (computed there by an independent Python script).
/// </summary>
public sealed class RealMatrixCountsTests
{
    public static string MatrixPath(string name) => Path.Combine(RepoPaths.Workloads, "matrices", name + ".mtx");

    // name, nnz(A), F, nnz(C), #partial matrices, max r_i, max partials per C row, max nnz(C row), inner coord reads
    public static TheoryData<string, long, long, long, long, int, long, int, long> Table => new()
    {
        { "ca-GrQc", 28980, 488852, 158504, 5242, 81, 2901, 376, 303826320 },
        { "G1", 38352, 1870514, 604910, 800, 67, 3359, 791, 61363200 },
        { "bcsstk13", 83883, 4554541, 396773, 2003, 95, 7311, 412, 336035298 },
        { "cryg2500", 12349, 61146, 31650, 2500, 5, 25, 13, 61745000 },
        { "crack", 60760, 396948, 226256, 10240, 9, 54, 31, 1244364800 },
        { "delaunay_n10", 6112, 38284, 20928, 1024, 12, 75, 46, 12517376 },
        { "add32", 23884, 182304, 102422, 4960, 32, 456, 268, 236929280 },
        { "cage8", 11003, 129443, 55175, 1015, 18, 289, 121, 22336090 },
        { "sherman4", 3786, 20046, 10346, 1104, 7, 47, 23, 8359488 },
        { "luxembourg_osm", 239332, 519206, 393261, 114599, 6, 17, 13, 54854415736 },
        { "dnn_n1024-l1", 32768, 1048576, 49152, 1024, 32, 1024, 48, 67108864 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Square_matches_the_reference_counts(string name, long nnzA, long mults, long nnzC, long partialMatrices, int maxRowA,
        long maxPartialsPerRow, int maxRowC, long innerReads)
    {
        var a = MatrixMarketReader.Load(MatrixPath(name));
        var gemm = new SpGemm(name, a, name, a, name);
        var s = SpGemmStructure.Of(gemm);

        Assert.Equal(nnzA, a.Nnz);
        Assert.Equal(mults, s.Multiplies);
        Assert.Equal(nnzC, s.NnzC);
        Assert.Equal(partialMatrices, s.PartialMatrices);
        Assert.Equal(maxRowA, s.MaxRowNnzA);
        Assert.Equal(maxPartialsPerRow, s.MaxRowPartials);
        Assert.Equal(maxRowC, s.MaxRowNnzC);
        Assert.Equal(innerReads, s.InnerCoordinateReads);

        // Every dataflow reports the same F, nnz(C) and F − nnz(C) adds; the inner product the closed-form reads.
        foreach (var (dataflow, merge) in new[] { (SpGemmDataflow.Inner, SpGemmMerge.Hash), (SpGemmDataflow.Outer, SpGemmMerge.Hash), (SpGemmDataflow.RowWise, SpGemmMerge.Hash), (SpGemmDataflow.RowWise, SpGemmMerge.Merger) })
        {
            var r = SpGemmModel.Evaluate(s, SparseTileSpec.Gamma, dataflow, merge);
            Assert.Equal(mults, r.Multiplies);
            Assert.Equal(nnzC, r.NnzC);
            Assert.Equal(mults - nnzC, r.MergeAdds);
            Assert.Equal(partialMatrices, r.PartialMatrices);
            if (dataflow == SpGemmDataflow.Inner)
                Assert.Equal(innerReads, r.CoordinateReads);
        }

        // Row-wise B traffic with no cache is exactly F elements (+ B's row pointers).
        var uncached = SpGemmModel.Evaluate(s, SparseTileSpec.Gamma with { CacheBytes = 0 }, SpGemmDataflow.RowWise);
        Assert.Equal(mults * 12 + (a.Rows + 1) * 4L, uncached.DramReadBBytes);

        // With a cache that holds all of B, each B row that A uses is fetched exactly once (compulsory misses).
        var compulsory = s.RowNnzB.Where((b, k) => s.ColNnzA[k] > 0).Sum(b => (long)b);
        var cached = SpGemmModel.Evaluate(s, SparseTileSpec.Gamma with { CacheBytes = 1L << 40 }, SpGemmDataflow.RowWise);
        Assert.Equal(compulsory * 12 + (a.Rows + 1) * 4L, cached.DramReadBBytes);
    }
}
