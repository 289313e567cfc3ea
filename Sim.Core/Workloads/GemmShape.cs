namespace Sim.Core.Workloads;

/// <summary>
/// The GEMM view every tensor op lowers to: Z[M,N] = A[M,K] · B[K,N].
/// SCALE-Sim naming: A is the ifmap (M = ofmap pixels, K = window size), B the filter (N = filters), Z the ofmap.
/// </summary>
public readonly record struct GemmShape(long M, long N, long K)
{
    public long Macs => checked(M * N * K);

    public override string ToString() => $"M={M} N={N} K={K}";
}
