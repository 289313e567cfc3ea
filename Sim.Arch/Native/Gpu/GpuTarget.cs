using ILGPU;
using ILGPU.Runtime;
using Sim.Core.Sparse;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// The GPU kernels on one ILGPU accelerator: the CUDA one (<c>gpu</c>) or the CPU one (<c>gpu-emulated</c>). Both run
/// the same kernel code through the same runs; only the probe that builds the accelerator and the size limit differ.
/// Operands live on the device between <see cref="INativeRun{T}.Run"/> calls.
/// </summary>
public sealed class GpuTarget : INativeTarget
{
    private readonly Context _context;
    private readonly GpuKernels _kernels;
    private readonly long? _maxMacs;

    internal GpuTarget(string name, string device, Context context, Accelerator accelerator, int units, long? maxMacs)
    {
        (Name, Device, _context, _maxMacs) = (name, device, context, maxMacs);
        _kernels = new GpuKernels(accelerator);
        GemmBlocking = new NativeGemmBlocking(GemmF32Kernel.Tile, GemmF32Kernel.Tile, GemmF32Kernel.Tile, GemmF32Kernel.Tile,
            GemmF32Kernel.Tile, Math.Max(1, units));
    }

    public string Name { get; }

    public string Device { get; }

    /// <summary>
    /// The thread-group tile (16×16 outputs, K in steps of 16, no further cache blocking); units are the SMs of a GPU,
    /// the processors of the emulating CPU.
    /// </summary>
    public NativeGemmBlocking GemmBlocking { get; }

    /// <summary>The largest problem this target accepts (multiply-accumulates; for SpGEMM multiplications); null: no limit.</summary>
    public long? MaxMacs => _maxMacs;

    public bool Supports(NativeKernel kernel, long macs) =>
        Enum.IsDefined(kernel) && macs >= 0 && (_maxMacs is not { } limit || macs <= limit);

    public INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k) =>
        new GpuGemmRun<float, float>(_kernels.Accelerator, _kernels.GemmF32, a, b, m, n, k);

    public INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k) =>
        new GpuGemmRun<sbyte, int>(_kernels.Accelerator, _kernels.GemmInt8, a, b, m, n, k, GemmInt8Kernel.MaxK);

    public INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v) => new GpuAttentionRun(_kernels, op, q, k, v);

    public INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b) => new GpuSpGemmRun(_kernels, a, b);

    /// <summary>Compiles and runs a 1×1×1 GEMM: a driver that cannot JIT ILGPU's PTX fails here, in the probe, not mid-benchmark.</summary>
    internal void SmokeTest()
    {
        using var run = GemmF32([2f], [3f], 1, 1, 1);
        run.Run();
        if (run.Result() is not [6f])
            throw new InvalidOperationException("a 1×1×1 GEMM returned a wrong value");
    }

    public void Dispose()
    {
        _kernels.Accelerator.Dispose();
        _context.Dispose();
    }
}
