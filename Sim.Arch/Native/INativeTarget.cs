using Sim.Core.Sparse;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native;

/// <summary>
/// Real hardware that runs the simulator's kernels: this CPU (our Vector512/Vector256 kernels, OpenBLAS), an NVIDIA GPU
/// through ILGPU's CUDA backend, or ILGPU's CPU accelerator (the GPU kernels emulated; tiny sizes only). Results are
/// compared with the simulator's functional outputs by <c>sim verify</c> and timed by <c>sim calibrate</c>.
/// </summary>
public interface INativeTarget : IDisposable
{
    /// <summary>Short stable name used on the command line and in tables: <c>cpu</c>, <c>openblas</c>, <c>gpu</c>, <c>gpu-emulated</c>.</summary>
    string Name { get; }

    /// <summary>What it runs on, for tables and calibration files (e.g. "AMD EPYC …, 2 threads, AVX-512").</summary>
    string Device { get; }

    /// <summary>How its fp32 GEMM divides work (for the calibrated timing model).</summary>
    NativeGemmBlocking GemmBlocking { get; }

    /// <summary>
    /// Whether it runs <paramref name="kernel"/> on a problem of <paramref name="macs"/> multiply-accumulates (for SpGEMM:
    /// the multiplications). False for kernels it lacks (OpenBLAS has only fp32 GEMM) and for sizes past its limit (the
    /// emulated GPU is a debugger: 64³ at most).
    /// </summary>
    bool Supports(NativeKernel kernel, long macs);

    INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k);

    INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k);

    /// <summary>Q [batch, heads, seq_q, dim]; K, V [batch, kv_heads, seq_kv, dim]; output [batch, heads, seq_q, dim].</summary>
    INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v);

    INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b);
}
