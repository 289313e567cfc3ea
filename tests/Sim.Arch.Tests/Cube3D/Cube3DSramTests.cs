using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

/// <summary>SRAM words and L0C bytes pinned by hand.</summary>
public class Cube3DSramTests
{
    [Fact]
    public void Sram_words_and_accumulator_bytes_for_an_odd_shape()
    {
        // M=100 N=300 K=1000 on 16^3: 7 row folds, 19 column folds, 63 K steps.
        // A: 19·100·1000 = 1,900,000; B: 7·1000·300 = 2,100,000; Z: 100·300 = 30,000 written once, never read.
        // L0C: 30,000·63 writes + (30,000·62 read-backs + 30,000 drain reads) = 3,780,000 words × 4 B = 15,120,000 B.
        var r = new Cube3DModel().Evaluate("t", new GemmShape(100, 300, 1000), ArchSpec.Default(new Cube3DSpec(16, 16, 16)), SimMode.Default);
        Assert.Equal(1_900_000, r.SramReadsIfmapWords);
        Assert.Equal(2_100_000, r.SramReadsFilterWords);
        Assert.Equal(30_000, r.SramWritesOfmapWords);
        Assert.Equal(0, r.SramReadsOfmapWords);
        Assert.Equal(15_120_000, r.AccumulatorAccessBytes);
        Assert.Null(r.Energy);
    }

    [Fact]
    public void Single_step_reads_the_accumulator_only_to_drain_it()
    {
        // K ≤ K0: one step initialises every entry, the drain reads it once. 16^3 on 16^3: (256 + 256) × 4 B = 2048 B.
        var r = new Cube3DModel().Evaluate("t", new GemmShape(16, 16, 16), ArchSpec.Default(new Cube3DSpec(16, 16, 16)), SimMode.Default);
        Assert.Equal(2048, r.AccumulatorAccessBytes);
        Assert.Equal((256L, 256L, 256L), (r.SramReadsIfmapWords, r.SramReadsFilterWords, r.SramWritesOfmapWords));
    }

    [Fact]
    public void Gemv_reads_the_vector_once_per_column_fold()
    {
        // M=1 N=300 K=100 on 16^3: 19 column folds re-read the 100-element vector (1900); B read once (30,000).
        var r = new Cube3DModel().Evaluate("t", new GemmShape(1, 300, 100), ArchSpec.Default(new Cube3DSpec(16, 16, 16)), SimMode.Default);
        Assert.Equal(1900, r.SramReadsIfmapWords);
        Assert.Equal(30_000, r.SramReadsFilterWords);
    }
}
