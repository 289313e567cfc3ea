using Sim.Arch.Native;
using Sim.Arch.Native.Cpu;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>The cpu target is always found, runs every kernel through prepared runs, and reports a valid blocking.</summary>
public class CpuTargetTests
{
    [Fact]
    public void Registry_lists_cpu_and_openblas_and_cpu_is_always_found()
    {
        Assert.Contains("cpu", NativeTargets.Names);
        Assert.Contains("openblas", NativeTargets.Names);
        var probe = NativeTargets.Probe("cpu");
        Assert.NotNull(probe);
        using var target = probe.Target;
        Assert.NotNull(target);
        Assert.Equal("cpu", target.Name);
        Assert.Contains("threads", target.Device, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CpuIsa.Scalar, 4, 4, 64, 256)]
    [InlineData(CpuIsa.Vector256, 6, 16, 120, 512)]
    [InlineData(CpuIsa.Vector512, 12, 32, 144, 256)]
    public void Blocking_names_the_register_tile_and_the_thread_count(CpuIsa isa, int tileM, int tileN, int blockM, int blockK)
    {
        using var target = new CpuTarget(isa, 3);
        var blocking = target.GemmBlocking;
        Assert.Null(blocking.Problem());
        Assert.Equal((tileM, tileN, blockM, blockK, 3), (blocking.TileM, blocking.TileN, blocking.BlockM, blocking.BlockK, blocking.Units));
        Assert.Equal(0, blocking.BlockM % blocking.TileM);
        Assert.Equal(0, blocking.BlockN % blocking.TileN);
    }

    [Fact]
    public void Every_kernel_is_supported_and_runs_through_the_interface()
    {
        using var target = NativeTargets.Probe("cpu")!.Target!;
        Assert.All(Enum.GetValues<NativeKernel>(), kernel => Assert.True(target.Supports(kernel, 1L << 40)));
        using var gemm = target.GemmF32([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2);
        gemm.Run();
        Assert.Equal([19f, 22f, 43f, 50f], gemm.Result());
        using var int8 = target.GemmInt8([1, -2, 3, 4], [-128, 6, 7, 127], 2, 2, 2);
        int8.Run();
        Assert.Equal([-142, -248, -356, 526], int8.Result());
        // One key: softmax is 1, so the output is that key's value row.
        using var attention = target.Attention(new AttentionOp("one", 1, 1, 1, 1, 1, 2, Causal: false), [0.3f, 0.4f], [1, 2], [5, -6]);
        attention.Run();
        Assert.Equal([5f, -6f], attention.Result());
    }
}
