using Sim.Arch.Native;
using Sim.Core.Reference;

namespace Sim.Explorer.Verify;

/// <summary>
/// Z[M,N] = A[M,K]·B[K,N] through every dense tile executor and every native GEMM; fp32 within c·γ_K·Σ|a||b|, int8 exact.
/// <paramref name="NativeOnly"/>: a shape large enough to cross the native kernels' cache blocks (KC, MC, NC), too
/// large for the cycle-by-cycle tile executors; only the native targets run it.
/// </summary>
public sealed record GemmCase(int M, int N, int K, bool Int8, int Seed = VerifyOperands.DefaultSeed, bool NativeOnly = false) : IVerifyCase
{
    public string Name => $"gemm {(Int8 ? "int8" : "fp32")} {M}x{N}x{K}";

    private IReadOnlyList<GemmTilePath> Tiles => NativeOnly ? [] : GemmTilePaths.All;

    public IReadOnlyList<SimulatedPath> Paths => [.. Tiles.Select(p => p.Path)];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var random = VerifyOperands.For(Name, Seed);
        return Int8 ? RunInt8(random, targets) : RunFp32(random, targets);
    }

    private IEnumerable<VerifyCheck> RunFp32(Random random, IReadOnlyList<INativeTarget> targets)
    {
        var a = VerifyOperands.Floats(random, M * K);
        var b = VerifyOperands.Floats(random, K * N);
        var expected = ReferenceGemm.Fp32(a, b, M, N, K).Select(x => (double)x).ToArray();
        var bound = FloatBounds.Gemm(ReferenceGemm.AbsoluteProductSums(a, b, M, N, K), K);
        foreach (var path in Tiles)
            yield return Checks.Simulated(Name, path.Name, () => Compare.Within(path.Fp32(a, b, M, N, K), expected, bound));
        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.GemmF32, (long)M * N * K,
                t => t.GemmF32(a, b, M, N, K), z => Compare.Within(z, expected, bound));
        }
    }

    private IEnumerable<VerifyCheck> RunInt8(Random random, IReadOnlyList<INativeTarget> targets)
    {
        var a = VerifyOperands.Int8(random, M * K);
        var b = VerifyOperands.Int8(random, K * N);
        var expected = ReferenceGemm.Int8(a, b, M, N, K);
        foreach (var path in Tiles)
            yield return Checks.Simulated(Name, path.Name, () => Compare.Exact(path.Int8(a, b, M, N, K), expected));
        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.GemmInt8, (long)M * N * K,
                t => t.GemmInt8(a, b, M, N, K), z => Compare.Exact(z, expected));
        }
    }
}
