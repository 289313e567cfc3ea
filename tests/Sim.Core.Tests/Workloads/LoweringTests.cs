using Sim.Core.Workloads;

namespace Sim.Core.Tests.Workloads;

public class LoweringTests
{
    [Fact]
    public void Conv_lowers_by_im2col()
    {
        // ResNet conv1: 224x224x3, 7x7/2 pad 3, 64 filters -> 112x112 ofmap; M = 12544, N = 64, K = 147.
        var conv = new Conv2d("conv1", 224, 224, 7, 7, 3, 64, 2, 3, 1, []);
        Assert.Equal(112, conv.OfmapH);
        Assert.Equal(new GemmShape(12544, 64, 147), conv.ToGemm());
        Assert.Equal(118_013_952, conv.ToGemm().Macs);
    }

    [Fact]
    public void Conv_without_padding_uses_floor_division_and_batch_scales_m()
    {
        // (10 - 3) / 2 + 1 = 4 (floor), batch 2 -> M = 2*4*4.
        var conv = new Conv2d("c", 10, 10, 3, 3, 8, 16, 2, 0, 2, []);
        Assert.Equal(new GemmShape(32, 16, 72), conv.ToGemm());
    }

    [Fact]
    public void Workload_orders_ops_topologically_and_keeps_declaration_order_for_ties()
    {
        var w = new Workload("w",
        [
            new Gemm("c", 1, 1, 1, ["a", "b"]),
            new Gemm("a", 1, 1, 1, ["input"]),
            new Gemm("b", 1, 1, 1, ["input"]),
        ]);
        Assert.Equal(["a", "b", "c"], w.Ops.Select(o => o.Name));
        Assert.Equal(3, w.TotalMacs);
    }

    [Fact]
    public void Workload_rejects_cycles_and_duplicate_names()
    {
        var cycle = Assert.Throws<ArgumentException>(() => new Workload("w",
            [new Gemm("a", 1, 1, 1, ["b"]), new Gemm("b", 1, 1, 1, ["a"])]));
        Assert.Contains("cycle", cycle.Message, StringComparison.Ordinal);
        var dup = Assert.Throws<ArgumentException>(() => new Workload("w", [new Gemm("a", 1, 1, 1), new Gemm("a", 1, 1, 1)]));
        Assert.Contains("used twice", dup.Message, StringComparison.Ordinal);
    }
}
