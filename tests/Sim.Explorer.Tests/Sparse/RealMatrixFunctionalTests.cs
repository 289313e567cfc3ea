using Sim.Arch.Sparse;
using Sim.Core.Sparse;
using Sim.Explorer.Import;

namespace Sim.Explorer.Tests.Sparse;

/// <summary>
/// Every dataflow's functional run equals the oracle on real matrices: structure exactly, values within 1e-9 of
/// Σ|a·b| (the floating-point bound for any summation order; real values can cancel). Small matrices keep this fast.
/// </summary>
public class RealMatrixFunctionalTests
{
    [Theory]
    [InlineData("sherman4")]
    [InlineData("delaunay_n10")]
    [InlineData("cryg2500")]
    [InlineData("cage8")]
    [InlineData("add32")]
    public void Every_dataflow_equals_the_reference(string name)
    {
        var a = MatrixMarketReader.Load(RealMatrixCountsTests.MatrixPath(name));
        var gemm = new SpGemm(name, a, name, a, name);
        var expected = ReferenceSpGemm.Multiply(a, a);
        var magnitude = ReferenceSpGemm.Multiply(a.Abs(), a.Abs()).Values.ToArray();
        foreach (var (dataflow, merge) in new[] { (SpGemmDataflow.Inner, SpGemmMerge.Hash), (SpGemmDataflow.Outer, SpGemmMerge.Hash),
                     (SpGemmDataflow.RowWise, SpGemmMerge.Hash), (SpGemmDataflow.RowWise, SpGemmMerge.Dense), (SpGemmDataflow.RowWise, SpGemmMerge.Merger) })
        {
            var actual = SpGemmModel.Execute(gemm, dataflow, merge, mergerRadix: 4);
            Assert.True(expected.SameStructure(actual), $"{name} {dataflow} {merge}: structure differs");
            var values = actual.Values.ToArray();
            var reference = expected.Values.ToArray();
            for (var p = 0; p < values.Length; p++)
                Assert.True(Math.Abs(values[p] - reference[p]) <= 1e-9 * magnitude[p], $"{name} {dataflow} {merge}: entry {p} {values[p]} vs {reference[p]}");
        }
    }
}
