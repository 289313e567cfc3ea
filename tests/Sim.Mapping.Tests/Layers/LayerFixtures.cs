using Sim.Arch.LoopNest;
using Sim.Core.Mapping;
using Sim.Core.Workloads;

namespace Sim.Mapping.Tests.Layers;

/// <summary>Brute-forceable layers and small systolic-like hierarchies for the mapper tests.</summary>
internal static class LayerFixtures
{
    /// <summary>Distinct per-action energies (fJ) so latency, energy and EDP optima differ.</summary>
    public static readonly LoopNestEnergy Energy = new(3, 2, 3, 50);

    public static LoopNestProblem Gemm(long m, long n, long k) => LoopNestProblem.FromGemm($"gemm{m}x{n}x{k}", new GemmShape(m, n, k));

    /// <summary>5×5 input, 3×3 window, stride 2 → 2×2 outputs; two filters, one channel.</summary>
    /// <summary>1×1 stride-2 conv on a 5×5 input (P = Q = 3): the window is narrower than the stride, so a tile of p
    /// outputs reads p·1 rows (the CP-SAT encoding's r ≤ stride branch).</summary>
    public static LoopNestProblem PointwiseStridedConv() => LoopNestProblem.FromConv(new Conv2d("conv1x1s2", 5, 5, 1, 1, 2, 2, 2, 0, 1, []));

    public static LoopNestProblem StridedConv() => LoopNestProblem.FromConv(new Conv2d("conv3x3s2", 5, 5, 3, 3, 1, 2, 2, 0, 1, []));

    /// <summary>A rows×cols systolic-like array: any stationary tensor, SCALE-Sim-like per-tile fill/drain
    /// (rows + cols − 2, plus rows to preload weights or inputs), 1-byte words, 4-byte partial sums.</summary>
    public static LoopNestHierarchy Array(int rows, int cols, long scratchpadBytes, double dramBytesPerCycle, long? overhead = null)
    {
        long fill = overhead ?? rows + cols - 2, preload = overhead is null ? rows : 0;
        return new LoopNestHierarchy([rows, cols], ["rows", "cols"], DataSpaces.All, 1,
            new DataSpaceValues(scratchpadBytes, scratchpadBytes, scratchpadBytes), 1, 4, dramBytesPerCycle,
            new DataSpaceValues(fill + preload, fill + preload, fill), Energy);
    }
}
