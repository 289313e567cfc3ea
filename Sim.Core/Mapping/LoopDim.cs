namespace Sim.Core.Mapping;

/// <summary>
/// The seven loops of a convolution layer (Timeloop's CNN problem): batch N, output channels K, input channels C,
/// output rows P and columns Q, filter rows R and columns S. A GEMM Z[M,N] = A[M,K]·B[K,N] is the case
/// P = M, K = N, C = K with the rest 1 (<see cref="LoopNestProblem.FromGemm"/>).
/// </summary>
public enum LoopDim
{
    N,
    K,
    C,
    P,
    Q,
    R,
    S,
}

public static class LoopDims
{
    public const int Count = 7;

    public static IReadOnlyList<LoopDim> All { get; } = Enum.GetValues<LoopDim>();
}
