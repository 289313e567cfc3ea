using Sim.Arch.Folding;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Systolic;

/// <summary>
/// Compute cycles pinned to hand derivations. SCALE-Sim per fold: OS K+R+C−2, WS M+2R+C−2, IS N+2R+C−2;
/// total folds·perFold − 1. Default: a fold with c' active columns pays c' instead of C, and there is no −1.
/// </summary>
public class SystolicCyclesTests
{
    private static OpResultView Run(long m, long n, long k, int rows, int cols, Dataflow df, SimMode mode)
    {
        var arch = ArchSpec.Default(new SystolicSpec(rows, cols, df));
        var r = new SystolicModel().Evaluate("t", new GemmShape(m, n, k), arch, mode);
        return new(r.ComputeCycles, r.Folds, r.Utilization, r.MappingEfficiency);
    }

    private readonly record struct OpResultView(long Cycles, long Folds, double Utilization, double MappingEfficiency);

    [Theory]
    // 4x4 array, 4^3 GEMM: one fold of 4+4+4-2 = 10 cycles (OS); WS/IS add the 4-cycle preload.
    [InlineData(Dataflow.Os, 9, 10)]
    [InlineData(Dataflow.Ws, 13, 14)]
    [InlineData(Dataflow.Is, 13, 14)]
    public void Single_full_fold(Dataflow df, long scaleSim, long physical)
    {
        Assert.Equal(scaleSim, Run(4, 4, 4, 4, 4, df, SimMode.ScaleSim).Cycles);
        Assert.Equal(physical, Run(4, 4, 4, 4, 4, df, SimMode.Default).Cycles);
    }

    [Theory]
    // M=100 N=300 K=1000 on a non-square 32x8 array.
    // OS: rows<-M: ceil(100/32)=4, cols<-N: ceil(300/8)=38, 152 folds x (1000+32+8-2=1038) - 1 = 157775.
    //     default: the 4 folds of the last column fold have 4 of 8 columns: 152*1038 - 4*4 = 157760.
    [InlineData(Dataflow.Os, 152, 157_775, 157_760)]
    // WS: rows<-K: 32 folds, cols<-N: 38 -> 1216 folds x (100+64+8-2=170) - 1 = 206719.
    //     default: 32 folds with 4 idle columns: 1216*170 - 32*4 = 206592.
    [InlineData(Dataflow.Ws, 1216, 206_719, 206_592)]
    // IS: rows<-K: 32, cols<-M: ceil(100/8)=13 -> 416 folds x (300+64+8-2=370) - 1 = 153919.
    //     default: 100 = 12*8 + 4, so 32 folds with 4 idle columns: 416*370 - 32*4 = 153792.
    [InlineData(Dataflow.Is, 416, 153_919, 153_792)]
    public void Odd_shape_on_32x8(Dataflow df, long folds, long scaleSim, long physical)
    {
        var s = Run(100, 300, 1000, 32, 8, df, SimMode.ScaleSim);
        Assert.Equal(folds, s.Folds);
        Assert.Equal(scaleSim, s.Cycles);
        Assert.Equal(physical, Run(100, 300, 1000, 32, 8, df, SimMode.Default).Cycles);
    }

    [Theory]
    // GEMV M=1, N=300, K=100 on 32x32; 300 = 9*32 + 12.
    // OS: 1 x 10 folds of 100+62 = 162 -> 1619; default: the last fold has 12 of 32 columns: 1620 - 20 = 1600.
    [InlineData(Dataflow.Os, 10, 1619, 1600)]
    // WS: rows<-K ceil(100/32)=4, cols<-N 10: 40 folds of 1+64+30 = 95 -> 3799; default 3800 - 4*20 = 3720.
    [InlineData(Dataflow.Ws, 40, 3799, 3720)]
    // IS: rows<-K 4, cols<-M 1 (1 of 32 columns): 4 folds of 300+94 = 394 -> 1575; default 1576 - 4*31 = 1452.
    [InlineData(Dataflow.Is, 4, 1575, 1452)]
    public void Gemv(Dataflow df, long folds, long scaleSim, long physical)
    {
        var s = Run(1, 300, 100, 32, 32, df, SimMode.ScaleSim);
        Assert.Equal(folds, s.Folds);
        Assert.Equal(scaleSim, s.Cycles);
        Assert.Equal(physical, Run(1, 300, 100, 32, 32, df, SimMode.Default).Cycles);
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_follow_their_definitions()
    {
        // OS 100x300x1000 on 32x8: mapping efficiency = (100*300)/(4*32 * 38*8) = 30000/38912.
        var s = Run(100, 300, 1000, 32, 8, Dataflow.Os, SimMode.ScaleSim);
        Assert.Equal(30000.0 / 38912.0, s.MappingEfficiency, 12);
        Assert.Equal(30_000_000.0 / (256.0 * 157_775), s.Utilization, 12);
    }

    [Theory]
    [InlineData(Dataflow.Os)]
    [InlineData(Dataflow.Ws)]
    [InlineData(Dataflow.Is)]
    public void Default_mode_closed_form_equals_an_explicit_sum_over_folds(Dataflow df)
    {
        foreach (var (m, n, k) in new[] { (100L, 300L, 1000L), (1L, 7L, 5L), (33L, 65L, 17L), (1000L, 1L, 3L) })
        {
            var spec = new SystolicSpec(32, 8, df);
            var g = FoldGeometry.Of(new GemmShape(m, n, k), spec);
            long explicitSum = 0;
            for (long cf = 0; cf < g.ColFolds; cf++)
            {
                for (long rf = 0; rf < g.RowFolds; rf++)
                {
                    var cols = (int)Math.Min(8, g.ColDim - cf * 8);
                    explicitSum += g.StreamDim + 32 + cols - 2 + (df == Dataflow.Os ? 0 : 32);
                }
            }

            Assert.Equal(explicitSum, SystolicModel.ComputeCycles(g, SimMode.Default));
        }
    }
}
