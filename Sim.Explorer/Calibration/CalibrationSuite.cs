using Sim.Arch.Native;
using Sim.Core.Workloads;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Calibration;

/// <summary>
/// The shapes <c>sim calibrate</c> measures. Split, per kernel and fixed by list order: every third shape (positions
/// 2, 5, 8, … counting from 0) is held out, the rest are fitted. The lists interleave small and large, square and
/// skewed shapes so both sets span the same range; the split never looks at a measurement.
/// </summary>
public static class CalibrationSuite
{
    /// <summary>fp32 GEMM (M, N, K): squares, decode-like (M ≤ 32), tall/fat, odd sizes, conv (ResNet im2col) and transformer projections.</summary>
    private static readonly (string Kind, long M, long N, long K)[] s_gemms =
    [
        ("square", 64, 64, 64), ("square", 128, 128, 128), ("square", 256, 256, 256),
        ("square", 384, 384, 384), ("square", 512, 512, 512), ("square", 768, 768, 768),
        ("square", 1024, 1024, 1024), ("square", 1536, 1536, 1536), ("square", 2048, 2048, 2048),
        ("decode", 1, 4096, 4096), ("decode", 4, 4096, 4096), ("decode", 16, 4096, 1024),
        ("decode", 32, 1024, 4096), ("decode", 8, 11008, 4096), ("decode", 1, 1024, 1024),
        ("tall", 4096, 64, 256), ("tall", 8192, 32, 128), ("fat", 64, 4096, 512),
        ("odd", 127, 255, 511), ("odd", 1000, 1000, 1000), ("odd", 513, 257, 129),
        ("odd", 333, 777, 555), ("odd", 97, 1031, 61), ("odd", 1999, 67, 1023),
        ("conv", 3136, 64, 576), ("conv", 784, 128, 1152), ("conv", 196, 256, 2304),
        ("conv", 49, 512, 4608), ("conv", 12544, 64, 147), ("conv", 3136, 256, 64),
        ("proj", 512, 768, 768), ("proj", 128, 3072, 768), ("proj", 512, 768, 3072),
    ];

    /// <summary>
    /// The CI suite: 15 shapes up to 384³ (milliseconds each), so the 5-coefficient GEMM fit keeps 5 spare degrees of
    /// freedom (with 9 tiny launch-dominated shapes it had 1, and its held-out error was meaningless).
    /// </summary>
    private static readonly (string Kind, long M, long N, long K)[] s_quickGemms =
    [
        ("square", 64, 64, 64), ("square", 128, 128, 128), ("square", 192, 192, 192),
        ("decode", 1, 512, 512), ("odd", 33, 65, 17), ("square", 256, 256, 256),
        ("decode", 4, 1024, 256), ("tall", 1024, 32, 64), ("odd", 127, 255, 129),
        ("square", 320, 320, 320), ("fat", 32, 1024, 256), ("odd", 100, 50, 75),
        ("decode", 8, 512, 1024), ("odd", 257, 129, 300), ("square", 384, 384, 384),
    ];

    /// <summary>Attention (batch, heads, kv heads, seq q, seq kv, head dim, causal): prefill, GQA, causal and decode (seq q = 1).</summary>
    private static readonly (long B, long H, long Kv, long Sq, long Skv, long D, bool Causal)[] s_attention =
    [
        (1, 4, 4, 128, 128, 64, false), (1, 8, 8, 256, 256, 64, false), (1, 4, 4, 512, 512, 64, true),
        (1, 12, 12, 128, 128, 64, false), (1, 8, 2, 256, 256, 128, false), (1, 4, 4, 1024, 1024, 64, true),
        (1, 32, 8, 1, 1024, 128, false), (1, 32, 32, 1, 2048, 128, false), (2, 8, 8, 256, 512, 64, false),
        (1, 16, 4, 512, 512, 128, true), (4, 32, 8, 1, 512, 128, false), (1, 2, 2, 2048, 2048, 64, true),
    ];

    private static readonly (long B, long H, long Kv, long Sq, long Skv, long D, bool Causal)[] s_quickAttention =
    [
        (1, 1, 1, 16, 16, 16, false), (1, 2, 2, 32, 32, 16, false), (1, 2, 1, 32, 64, 32, true),
        (1, 4, 4, 1, 128, 32, false), (1, 2, 2, 64, 64, 16, true), (1, 1, 1, 48, 48, 32, false),
    ];

    /// <summary>
    /// SpGEMM C = A·B, square random operands (rows, nonzeros per row), seeded; B is a second draw. Sparse cases
    /// (multiplications ≈ nnz(C)) and dense ones (many products land on one output: nnz(C) ≪ multiplications) are
    /// interleaved so both sets hold both; otherwise the fit cannot tell the two costs apart.
    /// </summary>
    private static readonly (int Rows, int PerRow)[] s_spgemm =
    [
        (1000, 4), (2000, 32), (4000, 4), (1000, 64), (8000, 8), (2000, 8), (16000, 4), (1500, 48),
        (1000, 32), (8000, 16), (3000, 24), (4000, 16), (500, 64), (16000, 8), (3000, 48),
    ];

    private static readonly (int Rows, int PerRow)[] s_quickSpgemm =
    [
        (100, 2), (200, 4), (300, 3), (400, 2), (150, 8), (250, 6), (500, 4), (120, 10), (350, 5),
    ];

    public static IReadOnlyList<CalibrationCase> Cases(bool quick)
    {
        var gemms = (quick ? s_quickGemms : s_gemms).Select((g, i) => new CalibrationCase(NativeKernel.GemmF32,
            $"gemm {g.Kind} {g.M}x{g.N}x{g.K}", IsHeldOut(i))
        { Gemm = new GemmShape(g.M, g.N, g.K) });
        var attention = (quick ? s_quickAttention : s_attention).Select((a, i) => new CalibrationCase(NativeKernel.Attention,
            $"attention b{a.B} h{a.H}/{a.Kv} q{a.Sq} kv{a.Skv} d{a.D}{(a.Causal ? " causal" : "")}", IsHeldOut(i))
        {
            Attention = new AttentionOp($"attention{i}", a.B, a.H, a.Kv, a.Sq, a.Skv, a.D, a.Causal),
        });
        var spgemm = (quick ? s_quickSpgemm : s_spgemm).Select((s, i) => new CalibrationCase(NativeKernel.SpGemm,
            $"spgemm {s.Rows}^2 {s.PerRow}/row", IsHeldOut(i))
        {
            SpGemmA = new SparseOperand(s.Rows, s.Rows, s.PerRow, 1000 + (2 * i)),
            SpGemmB = new SparseOperand(s.Rows, s.Rows, s.PerRow, 1001 + (2 * i)),
        });
        return [.. gemms, .. attention, .. spgemm];
    }

    /// <summary>Every third shape of a kernel's list is held out.</summary>
    public static bool IsHeldOut(int index) => index % 3 == 2;
}
