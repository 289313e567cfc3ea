using Sim.Core.Hardware;

namespace Sim.Core.Workloads;

/// <summary>
/// Z[M,N] = A[M,K] · B[K,N], <see cref="Batch"/> times with separate operands (a batched MatMul such as attention's
/// per-head products; 1 for a plain GEMM or a linear layer, whose batch folds into M because the weights are shared).
/// </summary>
public sealed record Gemm(string Name, long M, long N, long K, IReadOnlyList<string> Inputs) : GemmOp(Name, Inputs)
{
    public Gemm(string name, long m, long n, long k) : this(name, m, n, k, []) { }

    public override string Kind => "gemm";

    /// <summary>Independent GEMMs of this shape (each with its own A and B).</summary>
    public long Batch { get; init; } = 1;

    public override long Instances => Batch;

    public override GemmShape ToGemm(SimMode mode = SimMode.Default) => new(M, N, K);
}
