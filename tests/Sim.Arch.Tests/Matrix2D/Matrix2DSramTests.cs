using Sim.Arch.Matrix2D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Matrix2D;

/// <summary>SRAM word counts pinned by hand: A once per column fold, B once per row fold, Z written once.</summary>
public class Matrix2DSramTests
{
    [Theory]
    // 100x300x1000 on 32x8: 4 row folds, 38 col folds. A 38*100*1000, B 4*1000*300, Z 100*300.
    [InlineData(100, 300, 1000, 32, 8, 3_800_000, 1_200_000, 30_000)]
    // GEMV 1x300x100 on 32x32: 1 row fold, 10 col folds. A 10*1*100, B 1*100*300, Z 300.
    [InlineData(1, 300, 100, 32, 32, 1_000, 30_000, 300)]
    // 7x5x3 on 4x4: 2 row folds, 2 col folds. A 2*7*3, B 2*3*5, Z 35.
    [InlineData(7, 5, 3, 4, 4, 42, 30, 35)]
    public void Sram_words_per_operand(long m, long n, long k, int rows, int cols, long ifmap, long filter, long ofmapWrites)
    {
        var r = new Matrix2DModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new Matrix2DSpec(rows, cols)), SimMode.Default);
        Assert.Equal(ifmap, r.SramReadsIfmapWords);
        Assert.Equal(filter, r.SramReadsFilterWords);
        Assert.Equal(ofmapWrites, r.SramWritesOfmapWords);
        Assert.Equal(0, r.SramReadsOfmapWords);      // every fold covers all of K: no partial sum is read back
        Assert.Equal(0, r.AccumulatorAccessBytes);  // accumulation stays in the PEs
        Assert.Null(r.Energy);
    }
}
