using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// The two ways to get <see cref="GpuTarget"/>: an NVIDIA GPU through ILGPU's CUDA backend (<c>gpu</c>; needs only the
/// driver's libcuda, no CUDA toolkit: the driver JIT-compiles ILGPU's PTX), or ILGPU's CPU accelerator running the same
/// kernels (<c>gpu-emulated</c>), a debugger at ~0.03 GFLOP/s, so it accepts tiny problems only.
/// </summary>
public static class GpuTargets
{
    /// <summary>The emulated target's limit: a 64³ GEMM (seconds on the CPU accelerator; more is a benchmark, not a test).</summary>
    public const long EmulatedMaxMacs = 64L * 64 * 64;

    public const string CudaFix =
        "Fix: run on a machine with an NVIDIA driver (libcuda.so or libcuda.so.1 on the library path); no CUDA toolkit is needed";

    public static NativeTargetProbe ProbeCuda()
    {
        CudaDriverLibrary.Install();
        Context? context = null;
        string? deviceName = null; // null until a device is known: failures before that are the backend's, not the device's
        try
        {
            context = Context.Create(builder => builder.Cuda(PtxInstructionSetGuard.Apply).EnableAlgorithms());
            var devices = context.GetCudaDevices();
            if (devices.Count == 0)
            {
                context.Dispose();
                return NativeTargetProbe.Missing("gpu", $"no CUDA device: {WhyNoDevice()}. {CudaFix}");
            }

            var device = devices[0];
            deviceName = device.Name;
            var accelerator = device.CreateAccelerator(context);
            var description = FormattableString.Invariant(
                $"{device.Name} (sm_{device.Architecture?.Major}{device.Architecture?.Minor}), {accelerator.NumMultiprocessors} SMs, ") +
                FormattableString.Invariant(
                $"{accelerator.MemorySize / (1024.0 * 1024 * 1024):F1} GiB, driver {device.DriverVersion}, PTX ISA {device.InstructionSet}");
            var target = new GpuTarget("gpu", description, context, accelerator, accelerator.NumMultiprocessors, null);
            context = null; // the target owns it now
            return Verified(target);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            return NativeTargetProbe.Missing("gpu", CudaFailure(deviceName, e));
        }
    }

    /// <summary>
    /// Why the CUDA probe failed: before any device was known (context creation, device enumeration) ILGPU's CUDA
    /// backend itself did not start; after, the named device was found but ILGPU could not use it (accelerator, PTX JIT,
    /// smoke GEMM).
    /// </summary>
    public static string CudaFailure(string? deviceName, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = $"{exception.GetType().Name}: {exception.Message}";
        return deviceName is null
            ? $"ILGPU 1.5.3 could not start its CUDA backend: {what}. Fix: check the NVIDIA driver installation (nvidia-smi must work) and that libcuda matches the kernel module"
            : $"a CUDA device is present ({deviceName}) but ILGPU 1.5.3 cannot use it: {what}. Fix: update the NVIDIA driver; new GPUs may need a newer ILGPU (issues #880, #1342)";
    }

    public static NativeTargetProbe ProbeEmulated()
    {
        Context? context = null;
        try
        {
            // The Nvidia-shaped CPU device: warp 32 and groups up to 1024 (the default allows only 16 threads per group).
            context = Context.Create(builder => builder.CPU(CPUDeviceKind.Nvidia).EnableAlgorithms());
            var accelerator = context.GetCPUDevice(0).CreateAccelerator(context);
            var description = FormattableString.Invariant(
                $"ILGPU CPU accelerator emulating a warp-32 GPU on {Environment.ProcessorCount} processors (tiny problems only)");
            var target = new GpuTarget("gpu-emulated", description, context, accelerator, Environment.ProcessorCount, EmulatedMaxMacs);
            context = null; // the target owns it now
            return Verified(target);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            return NativeTargetProbe.Missing("gpu-emulated", $"ILGPU's CPU accelerator failed to start: {e.GetType().Name}: {e.Message}. Fix: report this as a bug");
        }
    }

    /// <summary>Runs the smoke GEMM; on failure disposes the target (and with it the accelerator and context) and rethrows.</summary>
    private static NativeTargetProbe Verified(GpuTarget target)
    {
        try
        {
            target.SmokeTest();
            return NativeTargetProbe.Found(target);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>ILGPU lists no CUDA device without saying why; ask its driver API the same questions it asked.</summary>
    private static string WhyNoDevice()
    {
        var api = CudaAPI.CurrentAPI;
        if (api is null || !api.IsSupported)
        {
            return CudaDriverLibrary.Loadable()
                ? "libcuda loads but ILGPU's CUDA API reports it unsupported"
                : "libcuda.so and libcuda.so.1 are not on the library path (ILGPU: CUDA API not supported)";
        }

        if (!api.Init())
            return "the driver library loaded but cuInit failed (no usable NVIDIA GPU or driver/kernel-module mismatch)";
        var error = api.GetDeviceCount(out var count);
        if (error != CudaError.CUDA_SUCCESS)
            return $"cuDeviceGetCount failed: {error} ({api.GetErrorString(error)})";
        return count == 0 ? "the driver reports 0 devices" : $"the driver reports {count} device(s) but ILGPU accepted none (unknown architecture?)";
    }
}
