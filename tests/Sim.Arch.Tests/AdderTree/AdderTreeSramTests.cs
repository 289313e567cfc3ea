using Sim.Arch.AdderTree;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>SRAM word counts by hand: A once per column fold, B once, Z once per K fold, read back K folds − 1 times.</summary>
public class AdderTreeSramTests
{
    [Theory]
    // M=100 N=10 K=20 on L=4 T=8: 3 K folds x 3 column folds.
    // A 3*100*20 = 6000, B 20*10 = 200, Z writes 3*100*10 = 3000, Z reads (3-1)*1000 = 2000.
    [InlineData(100, 10, 20, 4, 8, 6000, 200, 3000, 2000)]
    // GEMV M=1 N=300 K=100 on L=32 T=16: 7 K folds x 10 column folds.
    // A 10*1*100 = 1000, B 100*300 = 30000, Z writes 7*300 = 2100, reads 6*300 = 1800.
    [InlineData(1, 300, 100, 32, 16, 1000, 30000, 2100, 1800)]
    // Single K fold (K <= T): M=5 N=7 K=3 on L=2 T=4: ceil(7/2) = 4 column folds.
    // A 4*5*3 = 60, B 21, Z writes 35, no read-back.
    [InlineData(5, 7, 3, 2, 4, 60, 21, 35, 0)]
    public void Sram_words_per_operand(long m, long n, long k, int lanes, int width, long ifmap, long filter, long ofmapWrites, long ofmapReads)
    {
        var r = new AdderTreeModel().Evaluate("t", new GemmShape(m, n, k), ArchSpec.Default(new AdderTreeSpec(lanes, width)), SimMode.Default);
        Assert.Equal(ifmap, r.SramReadsIfmapWords);
        Assert.Equal(filter, r.SramReadsFilterWords);
        Assert.Equal(ofmapWrites, r.SramWritesOfmapWords);
        Assert.Equal(ofmapReads, r.SramReadsOfmapWords);
    }
}
