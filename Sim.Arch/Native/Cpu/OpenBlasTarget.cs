using Sim.Core.Sparse;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// <c>openblas</c>: OpenBLAS's <c>cblas_sgemm</c>, the speed yardstick for our fp32 GEMM. It has no int8 GEMM, attention
/// or SpGEMM; those are refused (<see cref="Supports"/> is false and the methods throw).
/// </summary>
public sealed class OpenBlasTarget : INativeTarget
{
    public const string TargetName = "openblas";

    private readonly OpenBlasLibrary _library;

    public OpenBlasTarget(OpenBlasLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
    }

    public static NativeTargetProbe Probe() => Probe(OpenBlasLibrary.DefaultName);

    /// <summary>Probes a named library (tests pass a name that does not exist to see the Missing reason).</summary>
    public static NativeTargetProbe Probe(string libraryName)
    {
        var (library, unavailable) = OpenBlasLibrary.TryLoad(libraryName);
        return library is null ? NativeTargetProbe.Missing(TargetName, unavailable!) : NativeTargetProbe.Found(new OpenBlasTarget(library));
    }

    public string Name => TargetName;

    public OpenBlasLibrary Library => _library;

    public string Device => $"{CpuInfo.ModelName}, OpenBLAS {_library.CoreName}, {_library.Threads} threads";

    /// <summary>
    /// OpenBLAS 0.3.21's x86-64 SkylakeX SGEMM (param.h): 16×4 register tile (SGEMM_DEFAULT_UNROLL_M/N), P = Q = 448
    /// (BlockM, BlockK). Its R (BlockN) is sized at run time from the buffer (sgemm_r) and exceeds the problems run
    /// here, so it is reported as unbounded. Other core types (Haswell when OPENBLAS_CORETYPE forces it) block differently;
    /// <see cref="OpenBlasLibrary.CoreName"/> says which one ran.
    /// </summary>
    public NativeGemmBlocking GemmBlocking => new(TileM: 16, TileN: 4, BlockM: 448, BlockN: int.MaxValue, BlockK: 448, Units: _library.Threads);

    public bool Supports(NativeKernel kernel, long macs) => kernel == NativeKernel.GemmF32;

    public INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k) => new OpenBlasGemmRun(_library, a, b, m, n, k);

    public INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k) =>
        throw new NotSupportedException("openblas has no int8 GEMM; use the cpu target");

    public INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v) =>
        throw new NotSupportedException("openblas has no attention kernel; use the cpu target");

    public INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b) =>
        throw new NotSupportedException("openblas has no SpGEMM; use the cpu target");

    public void Dispose()
    {
        // The library stays loaded for the life of the process (see OpenBlasLibrary.TryLoad).
    }
}
