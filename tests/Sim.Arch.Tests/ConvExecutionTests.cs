using Sim.Arch.AdderTree;
using Sim.Arch.Cube3D;
using Sim.Arch.Matrix2D;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Reference;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests;

/// <summary>Convolutions run through every engine's functional path (im2col + the engine's GEMM order) equal direct convolution.</summary>
public class ConvExecutionTests
{
    public static TheoryData<string, Conv2d> Cases() => new()
    {
        // 3×3, stride 1, padding 1 (same-size output); channels and filters not multiples of any grid side.
        { "cube", new Conv2d("c", 7, 6, 3, 3, 3, 5, 1, 1, 1, []) },
        { "addertree", new Conv2d("c", 7, 6, 3, 3, 3, 5, 1, 1, 1, []) },
        { "matrix2d", new Conv2d("c", 7, 6, 3, 3, 3, 5, 1, 1, 1, []) },
        { "systolic", new Conv2d("c", 7, 6, 3, 3, 3, 5, 1, 1, 1, []) },
        // 5×5 stride 2 with padding 2 on a batch of 2 (windows that overhang the edge), and a 1×1 pointwise conv.
        { "cube", new Conv2d("c", 9, 8, 5, 5, 2, 3, 2, 2, 2, []) },
        { "addertree", new Conv2d("c", 9, 8, 5, 5, 2, 3, 2, 2, 2, []) },
        { "matrix2d", new Conv2d("c", 4, 4, 1, 1, 6, 7, 1, 0, 1, []) },
        { "systolic", new Conv2d("c", 9, 8, 5, 5, 2, 3, 2, 2, 2, []) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Im2col_through_each_engine_equals_direct_convolution(string engine, Conv2d conv)
    {
        var rng = new Random(7);
        var input = Enumerable.Range(0, (int)(conv.Batch * conv.IfmapH * conv.IfmapW * conv.Channels)).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray();
        var weights = Enumerable.Range(0, (int)(conv.FilterH * conv.FilterW * conv.Channels * conv.Filters)).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray();
        var (a, b) = Im2Col.Lower(conv, input, weights);
        var g = conv.ToGemm();
        int m = (int)g.M, n = (int)g.N, k = (int)g.K;

        var z = engine switch
        {
            "cube" => Cube3DExecutor.RunInt8(new Cube3DSpec(4, 8, 4), a, b, m, n, k),
            "addertree" => AdderTreeExecutor.RunInt8(new AdderTreeSpec(4, 8), a, b, m, n, k),
            "matrix2d" => Matrix2DExecutor.RunInt8(new Matrix2DSpec(8, 4), a, b, m, n, k),
            _ => SystolicExecutor.RunInt8(new SystolicSpec(8, 4, Dataflow.Ws), a, b, m, n, k),
        };

        Assert.Equal(ReferenceConv2d.Int8(conv, input, weights), z);
    }

    [Fact]
    public void Im2col_rows_are_windows_with_zeros_over_the_padding()
    {
        // 2×2 input (values 1..4), 3×3 filter, padding 1: the top-left window covers 5 padded positions and
        // input pixels (0,0)=1, (0,1)=2, (1,0)=3, (1,1)=4 at window offsets (1,1), (1,2), (2,1), (2,2).
        var conv = new Conv2d("c", 2, 2, 3, 3, 1, 1, 1, 1, 1, []);
        var (a, _) = Im2Col.Lower(conv, new sbyte[] { 1, 2, 3, 4 }, new sbyte[9]);
        Assert.Equal(new sbyte[] { 0, 0, 0, 0, 1, 2, 0, 3, 4 }, a[..9]);
    }
}
