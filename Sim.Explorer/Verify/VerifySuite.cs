using Sim.Arch.Attention;
using Sim.Core.Config;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Verify;

/// <summary>
/// The verify suite. GEMM shapes: the degenerate 1×1×1, primes that fold unevenly on the 8-wide tiles, shapes exactly
/// on and one past a fold edge, and one past 128 on every side (17 folds of 8). Convs: strided with padding, and a
/// batch-2 5×5. Attention: causal MHA prefill, GQA decode and MQA, the fused lowering on an odd 7×5 block. PIM:
/// a one-chunk and a multi-chunk GEMV, a segmented one over 2 channels, decode attention. SpGEMM: A·A on every
/// shipped matrix. <c>--quick</c> keeps one of each kind on the smallest sizes.
/// </summary>
public static class VerifySuite
{
    private static readonly string[] s_quickMatrices = ["sherman4.mtx", "delaunay_n10.mtx"];

    public static IReadOnlyList<IVerifyCase> Build(bool quick, string matricesDirectory, int seed = VerifyOperands.DefaultSeed)
    {
        (int M, int N, int K)[] gemms = quick
            ? [(1, 1, 1), (7, 13, 5), (9, 8, 17)]
            : [(1, 1, 1), (7, 13, 5), (8, 8, 8), (9, 8, 17), (33, 17, 65), (16, 24, 7), (130, 129, 67)];
        var cases = new List<IVerifyCase>();
        foreach (var int8 in new[] { false, true })
            cases.AddRange(gemms.Select(g => new GemmCase(g.M, g.N, g.K, int8, seed)));
        if (!quick)
        {
            // Native only: past the CPU kernels' cache blocks (K > KC = 512, two MC = 120 blocks per thread, N > NC = 1024
            // on the AVX2 path and > 4096 on the AVX-512 one), where full tiles accumulate in C across depth blocks.
            (int M, int N, int K)[] blocked = [(300, 40, 600), (13, 1100, 600), (7, 4200, 300)];
            cases.AddRange(blocked.Select(g => new GemmCase(g.M, g.N, g.K, Int8: false, seed, NativeOnly: true)));
            cases.Add(new GemmCase(300, 40, 600, Int8: true, seed, NativeOnly: true));
        }

        cases.Add(new ConvCase(new Conv2d("9x11 c5 f7 3x3 s2 p1", 9, 11, 3, 3, 5, 7, 2, 1, 1, []), seed));
        if (!quick)
            cases.Add(new ConvCase(new Conv2d("8x8 c3 f10 5x5 s1 p2 b2", 8, 8, 5, 5, 3, 10, 1, 2, 2, []), seed));

        var block = new FusedBlock(7, 5);
        cases.Add(new AttentionCase(new AttentionOp("mha prefill causal", 1, 2, 2, quick ? 9 : 33, quick ? 9 : 33, 16, true), block, seed));
        cases.Add(new AttentionCase(new AttentionOp("gqa decode", 2, 8, 2, 1, quick ? 20 : 77, 32, true), block, seed));
        cases.Add(new AttentionCase(new AttentionOp("mqa causal", 1, 4, 1, quick ? 5 : 17, quick ? 12 : 40, 8, true), block, seed));

        cases.Add(new PimGemvCase(37, 333, 333, 1, seed));
        if (!quick)
        {
            cases.Add(new PimGemvCase(61, 1500, 1500, 1, seed));
            cases.Add(new PimGemvCase(50, 512, 128, 2, seed));
        }

        cases.Add(new PimAttentionCase(4, 32, quick ? 20 : 100, seed));

        cases.AddRange(Matrices(quick, matricesDirectory).Select(path => new SpGemmCase(path)));
        return cases;
    }

    /// <summary>
    /// The quick suite's small matrices, or every .mtx in the folder in name order. A folder without one is bad input
    /// (a wrong --matrices, or a working directory that is not the repository root): silently dropping every SpGEMM
    /// case would let the suite pass without checking SpGEMM.
    /// </summary>
    private static List<string> Matrices(bool quick, string directory)
    {
        var paths = quick
            ? [.. s_quickMatrices.Select(name => Path.Combine(directory, name)).Where(File.Exists)]
            : Directory.EnumerateFiles(directory, "*.mtx").Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0 || (quick && paths.Count < s_quickMatrices.Length))
        {
            var what = quick ? $"lacks {string.Join(" or ", s_quickMatrices)} (the --quick matrices)" : "has no .mtx file";
            throw new SimInputException(
                $"--matrices: folder '{Path.GetFullPath(directory)}' {what}. Fix: run from the repository root or pass --matrices workloads/matrices");
        }

        return paths;
    }
}
