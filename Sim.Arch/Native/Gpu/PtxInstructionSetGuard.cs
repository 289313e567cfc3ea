using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// ILGPU picks a PTX ISA from the GPU's architecture and the driver version, and leaves it unset for an architecture it
/// does not know (ILGPU issues #880, #1342: new GPUs rejected or failing the PTX JIT). PTX is forward compatible, so
/// for such a device this guard chooses the newest ISA ILGPU can emit that the installed driver accepts.
/// </summary>
public static class PtxInstructionSetGuard
{
    public static void Apply(CudaDeviceOverride device)
    {
        device.InstructionSet ??= NewestAccepted(device.Device.DriverVersion);
    }

    /// <summary>The newest ISA ILGPU emits whose minimum driver is at most <paramref name="driver"/>; null if none.</summary>
    public static CudaInstructionSet? NewestAccepted(CudaDriverVersion driver)
    {
        CudaInstructionSet? best = null;
        foreach (var isa in PTXCodeGenerator.SupportedInstructionSets)
        {
            if (CudaDriverVersionUtils.GetMinimumDriverVersion(isa) <= driver && (best is not { } b || isa > b))
                best = isa;
        }

        return best;
    }
}
