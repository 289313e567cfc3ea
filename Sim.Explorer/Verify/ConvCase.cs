using Sim.Arch.Native;
using Sim.Core.Reference;
using Sim.Core.Workloads;

namespace Sim.Explorer.Verify;

/// <summary>
/// An int8 convolution (NHWC input, HWIO weights) lowered by <see cref="Im2Col"/> to the GEMM the tiles run, through
/// every dense tile executor and every native int8 GEMM, compared exactly with the direct <see cref="ReferenceConv2d"/>
/// (which never forms the im2col matrix, so the lowering is checked too).
/// </summary>
public sealed record ConvCase(Conv2d Conv, int Seed = VerifyOperands.DefaultSeed) : IVerifyCase
{
    public string Name => $"conv int8 {Conv.Name}";

    public IReadOnlyList<SimulatedPath> Paths => [.. GemmTilePaths.All.Select(p => p.Path)];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var random = VerifyOperands.For(Name, Seed);
        var gemm = Conv.ToGemm();
        int m = (int)gemm.M, n = (int)gemm.N, k = (int)gemm.K;
        var input = VerifyOperands.Int8(random, (int)(Conv.Batch * Conv.IfmapH * Conv.IfmapW * Conv.Channels));
        var weights = VerifyOperands.Int8(random, k * n);
        var expected = ReferenceConv2d.Int8(Conv, input, weights);
        var (a, b) = Im2Col.Lower(Conv, input, weights);
        var note = $"im2col GEMM {m}x{n}x{k}";
        foreach (var path in GemmTilePaths.All)
            yield return Checks.Simulated(Name, path.Name, () => Compare.Exact(path.Int8(a, b, m, n, k), expected), note);
        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.GemmInt8, (long)m * n * k,
                t => t.GemmInt8(a, b, m, n, k), z => Compare.Exact(z, expected));
        }
    }
}
