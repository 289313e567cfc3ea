using ILGPU;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>Device copies of host arrays (an empty array gets one unused element: zero-length device buffers are not portable).</summary>
internal static class GpuBuffers
{
    public static MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(Accelerator accelerator, T[] host)
        where T : unmanaged
    {
        var buffer = accelerator.Allocate1D<T>(Math.Max(1, host.LongLength));
        if (host.Length > 0)
            buffer.View.SubView(0, host.LongLength).CopyFromCPU(host);
        return buffer;
    }
}
