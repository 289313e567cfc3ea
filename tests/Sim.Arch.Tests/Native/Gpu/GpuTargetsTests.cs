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

        // A machine with a driver: the probe either found a GPU that passed its smoke GEMM or says why not.
        using var target = probe.Target;
        Assert.True(target is not null || probe.Unavailable!.Contains("Fix:", StringComparison.Ordinal), probe.Unavailable);
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
