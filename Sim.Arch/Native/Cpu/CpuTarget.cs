using Sim.Core.Sparse;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// <c>cpu</c>: our own C# kernels on this CPU — packed fp32 and int8 GEMM, fused attention, Gustavson SpGEMM — on the
/// widest vector path the machine accelerates (<see cref="CpuIsaPaths.Best"/>) over all its cores. Tests construct it
/// with other paths and thread counts to check each against the oracles; a path the CPU lacks runs on .NET's software
/// emulation of the vector types (same values, far slower), so the 512-bit kernels are checked on AVX2-only machines too.
/// </summary>
public sealed class CpuTarget : INativeTarget
{
    public const string TargetName = "cpu";

    public CpuTarget()
        : this(CpuIsaPaths.Best, Environment.ProcessorCount)
    {
    }

    public CpuTarget(CpuIsa isa, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        (Isa, Threads) = (isa, threads);
    }

    /// <summary>Always found: the portable path runs anywhere.</summary>
    public static NativeTargetProbe Probe() => NativeTargetProbe.Found(new CpuTarget());

    public CpuIsa Isa { get; }

    public int Threads { get; }

    public string Name => TargetName;

    public string Device => $"{CpuInfo.ModelName}, {Threads} threads, {CpuIsaPaths.Label(Isa)}";

    public NativeGemmBlocking GemmBlocking => SgemmBlocking.For(Isa, Threads);

    /// <summary>Every kernel at any size the operand arrays can hold (int8 GEMM: K < 2^17, checked when prepared).</summary>
    public bool Supports(NativeKernel kernel, long macs) => Enum.IsDefined(kernel);

    public INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k) => new CpuGemmF32Run(a, b, m, n, k, Isa, Threads);

    public INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k) => new CpuGemmInt8Run(a, b, m, n, k, Isa, Threads);

    public INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v) => new CpuAttentionRun(op, q, k, v, Isa, Threads);

    public INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b) => new CpuSpGemmRun(a, b, Threads);

    public void Dispose()
    {
        // No native resources.
    }
}
