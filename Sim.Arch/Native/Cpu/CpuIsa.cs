using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sim.Arch.Native.Cpu;

/// <summary>The vector instruction path a CPU kernel uses; <see cref="CpuIsaPaths.Best"/> is the widest this machine accelerates.</summary>
public enum CpuIsa
{
    /// <summary>Portable scalar loops (any machine).</summary>
    Scalar,

    /// <summary>256-bit vectors with fused multiply-add (AVX2 + FMA).</summary>
    Vector256,

    /// <summary>512-bit vectors (AVX-512 F/BW).</summary>
    Vector512,
}

public static class CpuIsaPaths
{
    /// <summary>The widest path whose instructions this process can run (the JIT reports what the CPU accelerates).</summary>
    public static CpuIsa Best =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported ? CpuIsa.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported && Avx2.IsSupported ? CpuIsa.Vector256
        : CpuIsa.Scalar;

    /// <summary>Paths this machine can run, narrowest first (tests run every one of them).</summary>
    public static IReadOnlyList<CpuIsa> Available => [.. Enum.GetValues<CpuIsa>().Where(isa => isa <= Best)];

    public static string Label(CpuIsa isa) => isa switch
    {
        CpuIsa.Vector512 => "avx512",
        CpuIsa.Vector256 => "avx2+fma",
        _ => "scalar",
    };
}
