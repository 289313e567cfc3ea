using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Systolic;

/// <summary>SRAM word counts pinned by hand for M=100 N=300 K=1000 on 32x8 (folds as in SystolicCyclesTests).</summary>
public class SystolicSramTests
{
    [Theory]
    // OS: A re-read per column fold (38·100·1000), B per row fold (4·1000·300), Z written once.
    [InlineData(Dataflow.Os, 3_800_000, 1_200_000, 30_000 + 152 * 40, 0)] // SCALE-Sim adds R+C per OS fold
    // WS: A per column fold (38·100·1000), B once, Z per K fold (32·30000), partial sums read back 31 times.
    [InlineData(Dataflow.Ws, 3_800_000, 300_000, 960_000, 930_000)]
    // IS: A once, B per column fold (13·1000·300), Z per K fold.
    [InlineData(Dataflow.Is, 100_000, 3_900_000, 960_000, 930_000)]
    public void Sram_words_per_operand(Dataflow df, long ifmap, long filter, long ofmapWrites, long ofmapReads)
    {
        var arch = ArchSpec.Default(new SystolicSpec(32, 8, df));
        var r = new SystolicModel().Evaluate("t", new GemmShape(100, 300, 1000), arch, SimMode.ScaleSim);
        Assert.Equal(ifmap, r.SramReadsIfmapWords);
        Assert.Equal(filter, r.SramReadsFilterWords);
        Assert.Equal(ofmapWrites, r.SramWritesOfmapWords);
        Assert.Equal(ofmapReads, r.SramReadsOfmapWords);
    }

    [Fact]
    public void Gemv_on_os_reads_the_vector_once_per_column_fold()
    {
        var arch = ArchSpec.Default(new SystolicSpec(32, 32, Dataflow.Os));
        var r = new SystolicModel().Evaluate("t", new GemmShape(1, 300, 100), arch, SimMode.ScaleSim);
        Assert.Equal(10 * 100, r.SramReadsIfmapWords);
        Assert.Equal(100 * 300, r.SramReadsFilterWords);
        Assert.Equal(300 + 10 * 64, r.SramWritesOfmapWords); // SCALE-Sim adds R+C per OS fold
    }
}
