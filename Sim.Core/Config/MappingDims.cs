using Sim.Core.Mapping;

namespace Sim.Core.Config;

/// <summary>How a mapping file names and orders a problem's dims: N K C P Q R S for a convolution, M N K for a GEMM
/// (the reading order of Z[M,N] = A[M,K]·B[K,N]); a GEMM's unused loops (bound 1) never appear.</summary>
public static class MappingDims
{
    private static readonly LoopDim[] s_gemmOrder = [LoopDim.P, LoopDim.K, LoopDim.C];

    public static IReadOnlyList<LoopDim> FileOrder(LoopNestProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.IsGemm ? s_gemmOrder : LoopDims.All;
    }

    public static string Name(LoopNestProblem problem, LoopDim dim)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.DimName(dim) ?? throw new ArgumentException($"a GEMM has no loop {dim} in a mapping file", nameof(dim));
    }

    /// <summary>
    /// The order with the loops a file cannot name (a GEMM's N, Q, R, S: bound 1, so every factor is 1 and their place
    /// changes no count) moved innermost in N K C P Q R S order. A file's order reads back as exactly this.
    /// </summary>
    public static IReadOnlyList<LoopDim> CanonicalOrder(LoopNestProblem problem, IReadOnlyList<LoopDim> order)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(order);
        return [.. order.Where(d => problem.DimName(d) is not null), .. LoopDims.All.Where(d => problem.DimName(d) is null)];
    }

    /// <summary>The mapping with both orders canonical (<see cref="CanonicalOrder"/>): what a write → read round trip gives.</summary>
    public static LoopNestMapping Canonical(LoopNestProblem problem, LoopNestMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping with
        {
            ScratchpadOrder = CanonicalOrder(problem, mapping.ScratchpadOrder),
            DramOrder = CanonicalOrder(problem, mapping.DramOrder),
        };
    }
}
