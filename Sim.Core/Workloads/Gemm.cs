using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>Z[M,N] = A[M,K] · B[K,N].</summary>
public sealed record Gemm(string Name, long M, long N, long K, IReadOnlyList<string> Inputs) : GemmOp(Name, Inputs)
{
    public Gemm(string name, long m, long n, long k) : this(name, m, n, k, []) { }

    public override string Kind => "gemm";

    public override GemmShape ToGemm(SimMode mode = SimMode.Default) => new(M, N, K);
}
