using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Arch.Tests.LoopNest.LoopNestFixtures;

namespace Sim.Arch.Tests.LoopNest;

public class DramRateTests
{
    [Theory]
    [InlineData(32.0, 32, 1)]
    [InlineData(12.8, 64, 5)]
    [InlineData(0.7, 7, 10)]
    [InlineData(1.5, 3, 2)]
    [InlineData(943.8, 4719, 5)]               // the NeuPIMs HBM2 sustained rate
    [InlineData(0.999999, 999999, 1000000)]    // exact at the largest denominator allowed
    public void Bandwidth_is_the_smallest_exact_fraction(double bytesPerCycle, long bytes, long cycles)
    {
        Assert.Equal(new DramRate(bytes, cycles), DramRate.FromBytesPerCycle(bytesPerCycle));
    }

    [Theory]
    [InlineData(0.1234567)]        // 1234567/10⁷: no denominator ≤ 10⁶ is exact
    [InlineData(3.14159265358979)]
    public void A_bandwidth_with_no_small_exact_fraction_gets_its_closest_convergent(double bytesPerCycle)
    {
        var rate = DramRate.FromBytesPerCycle(bytesPerCycle)!.Value;
        Assert.InRange(rate.Cycles, 1, 1_000_000);
        // A convergent h/k is within 1/(k·k_next) < 1/(k·10⁶) of x.
        Assert.True(Math.Abs(((double)rate.Bytes / rate.Cycles) - bytesPerCycle) < 1.0 / (rate.Cycles * 1e6), $"{rate}");
    }

    [Fact]
    public void A_tiny_bandwidth_stays_tiny()
    {
        // 1e-7 B/cycle has no convergent with a denominator ≤ 10⁶ beyond 0/1: it is 1 byte per 10⁷ cycles, not 1 B/cycle.
        Assert.Equal(new DramRate(1, 10_000_000), DramRate.FromBytesPerCycle(1e-7));
        Assert.Equal(10_000_000, new DramRate(1, 10_000_000).CyclesFor(1));
    }

    [Fact]
    public void Unlimited_bandwidth_has_no_rate()
    {
        Assert.Null(DramRate.FromBytesPerCycle(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => DramRate.FromBytesPerCycle(0));
    }

    [Fact]
    public void Dram_cycles_are_an_exact_ceiling_where_double_division_is_not()
    {
        // 21 B at 0.7 B/cycle is exactly 30 cycles; 21 / 0.7 in doubles is 30.000000000000004, whose ceiling is 31.
        Assert.Equal(31, (long)Math.Ceiling(21 / 0.7));
        Assert.Equal(30, new DramRate(7, 10).CyclesFor(21));
        Assert.Equal(32, new DramRate(7, 10).CyclesFor(22));   // 31.43 → 32

        // The model uses the exact form: GEMM M=3 N=3 K=2 in one 3×3 fold moves |W| 6 + |I| 6 + |O| 9 = 21 B
        // (1-byte words, no partial sums spilled).
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(3, 3, 2));
        var mapping = Mapping(DataSpace.Outputs, Gemm(k: 2), Gemm(m: 3), Gemm(n: 3), DimVector.Ones, DimVector.Ones);
        var cost = LoopNestModel.Evaluate(problem, Array(3, 3, dramBytesPerCycle: 0.7), mapping);
        Assert.Equal(21, cost.DramBytes);
        Assert.Equal(30, cost.DramCycles);
    }
}
