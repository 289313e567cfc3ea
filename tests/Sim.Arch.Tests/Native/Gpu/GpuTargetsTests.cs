using System.Runtime.InteropServices;
using ILGPU.Runtime.Cuda;
using Sim.Arch.Native;
using Sim.Arch.Native.Gpu;

namespace Sim.Arch.Tests.Native.Gpu;

[Collection(GpuEmulatedGroup.Name)]
public class GpuTargetsTests(GpuEmulatedFixture fixture)
{
    private readonly INativeTarget _gpu = fixture.Target;

    [Fact]
    public void The_emulated_target_accepts_every_kernel_up_to_64_cubed_and_nothing_larger()
    {
        foreach (var kernel in Enum.GetValues<NativeKernel>())
        {
            Assert.True(_gpu.Supports(kernel, 64 * 64 * 64), $"{kernel} at 64³");
            Assert.True(_gpu.Supports(kernel, 1), $"{kernel} at 1");
            Assert.False(_gpu.Supports(kernel, 64 * 64 * 64 + 1), $"{kernel} past 64³");
            Assert.False(_gpu.Supports(kernel, -1), $"{kernel} negative");
        }
    }

    [Fact]
    public void The_emulated_target_names_itself_and_its_tile()
    {
        Assert.Equal("gpu-emulated", _gpu.Name);
        Assert.Contains("CPU accelerator", _gpu.Device, StringComparison.Ordinal);
        Assert.Equal(new NativeGemmBlocking(16, 16, 16, 16, 16, Environment.ProcessorCount), _gpu.GemmBlocking);
        Assert.Null(_gpu.GemmBlocking.Problem());
    }

    [Fact]
    public void Both_gpu_targets_are_registered() =>
        Assert.Subset(NativeTargets.Names.ToHashSet(), new HashSet<string> { "gpu", "gpu-emulated" });

    [Fact]
    public void Probing_cuda_reports_a_missing_driver_with_the_fix_or_finds_a_working_gpu()
    {
        var driver = NativeLibrary.TryLoad("libcuda.so.1", out var handle) || NativeLibrary.TryLoad("libcuda.so", out handle);
        if (driver)
            NativeLibrary.Free(handle);
        var probe = GpuTargets.ProbeCuda();
        Assert.Equal("gpu", probe.Name);
        if (!driver)
        {
            Assert.Null(probe.Target);
            Assert.StartsWith("no CUDA device: ", probe.Unavailable, StringComparison.Ordinal);
            Assert.Contains("libcuda.so.1 are not on the library path", probe.Unavailable, StringComparison.Ordinal);
            Assert.Contains("Fix: run on a machine with an NVIDIA driver", probe.Unavailable, StringComparison.Ordinal);
            return;
        }

        // A machine with a driver: a GPU that passed its smoke GEMM must also multiply a 17×33×5 (uneven tiles)
        // correctly; otherwise the reason is one of the probe's three, by its prefix.
        using var target = probe.Target;
        if (target is not null)
        {
            ExecutorOracle.AssertFp32WithinScaledTolerance(17, 33, 5, 1e-5, (a, b, m, n, k) =>
            {
                using var run = target.GemmF32(a, b, m, n, k);
                run.Run();
                return run.Result();
            });
            return;
        }

        string[] reasons = ["no CUDA device: ", "ILGPU 1.5.3 could not start its CUDA backend: ", "a CUDA device is present ("];
        Assert.True(reasons.Any(r => probe.Unavailable!.StartsWith(r, StringComparison.Ordinal)), probe.Unavailable);
    }

    [Fact]
    public void A_cuda_failure_before_a_device_is_known_blames_the_backend_and_after_it_names_the_device()
    {
        var error = new InvalidOperationException("boom");
        Assert.Equal(
            "ILGPU 1.5.3 could not start its CUDA backend: InvalidOperationException: boom. Fix: check the NVIDIA driver installation " +
            "(nvidia-smi must work) and that libcuda matches the kernel module",
            GpuTargets.CudaFailure(null, error));
        Assert.Equal(
            "a CUDA device is present (NVIDIA H100) but ILGPU 1.5.3 cannot use it: InvalidOperationException: boom. Fix: update the " +
            "NVIDIA driver; new GPUs may need a newer ILGPU (issues #880, #1342)",
            GpuTargets.CudaFailure("NVIDIA H100", error));
    }

    [Theory]
    [InlineData(1, 1, 1, 1)] // row tiles do not outnumber column tiles: N on X, as before
    [InlineData(33, 17, 3, 2)] // 3 row tiles > 2 column tiles: M on X
    [InlineData(17, 33, 3, 2)] // N on X
    [InlineData(1_048_560, 16, 65_535, 1)] // 65535 row tiles: would have just fit on Y
    [InlineData(1_048_561, 16, 65_536, 1)] // one past: on Y this is CUDA's "invalid configuration"
    [InlineData(16, 33_554_432, 2_097_152, 1)] // wide: N on X
    public void The_gemm_grid_puts_the_larger_tile_count_on_x(int m, int n, int x, int y)
    {
        Assert.Equal((x, y), GemmGrid.For(m, n));
        Assert.Equal(GemmGrid.Tiles(m) > GemmGrid.Tiles(n), GemmGrid.RowTilesOnX(m, n));
    }

    [Fact]
    public void A_gemm_grid_whose_shorter_side_exceeds_cudas_y_limit_is_rejected()
    {
        Assert.Equal((65_535, 65_535), GemmGrid.For(1_048_560, 1_048_560));
        Assert.Throws<ArgumentException>(() => GemmGrid.For(1_048_561, 1_048_561));
    }

    [Fact]
    public void The_ptx_guard_picks_the_newest_isa_the_driver_accepts()
    {
        // ILGPU 1.5.3: PTX ISA 8.8 needs driver 12.9, ISA 8.0 needs 12.0, ISA 7.0 needs 11.0; nothing runs on driver 1.0.
        Assert.Equal(CudaInstructionSet.ISA_88, PtxInstructionSetGuard.NewestAccepted(CudaDriverVersion.FromMajorMinor(13, 0)));
        Assert.Equal(CudaInstructionSet.ISA_80, PtxInstructionSetGuard.NewestAccepted(CudaDriverVersion.FromMajorMinor(12, 0)));
        Assert.Equal(CudaInstructionSet.ISA_70, PtxInstructionSetGuard.NewestAccepted(CudaDriverVersion.FromMajorMinor(11, 0)));
        Assert.Null(PtxInstructionSetGuard.NewestAccepted(CudaDriverVersion.FromMajorMinor(1, 0)));
    }
}
