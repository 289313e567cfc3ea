using ILGPU;
using ILGPU.Runtime;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native.Gpu;

/// <summary>A prepared attention on an accelerator: Q, K, V copied once; <see cref="Run"/> launches <see cref="AttentionKernel"/> and waits.</summary>
internal sealed class GpuAttentionRun : INativeRun<float[]>
{
    private readonly GpuKernels _kernels;
    private readonly AttentionShape _shape;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _q, _k, _v, _o;

    public GpuAttentionRun(GpuKernels kernels, AttentionOp op, float[] q, float[] k, float[] v)
    {
        NativeOperands.CheckAttention(op, q, k, v);
        _kernels = kernels;
        _shape = AttentionShape.Of(op);
        _q = GpuBuffers.Upload(kernels.Accelerator, q);
        _k = GpuBuffers.Upload(kernels.Accelerator, k);
        _v = GpuBuffers.Upload(kernels.Accelerator, v);
        _o = kernels.Accelerator.Allocate1D<float>(op.QElements);
    }

    public void Run()
    {
        _kernels.Attention(AttentionKernel.Config(_shape), _q.View, _k.View, _v.View, _o.View, _shape);
        _kernels.Accelerator.Synchronize();
    }

    public float[] Result() => _o.GetAsArray1D();

    public void Dispose()
    {
        _q.Dispose();
        _k.Dispose();
        _v.Dispose();
        _o.Dispose();
    }
}
