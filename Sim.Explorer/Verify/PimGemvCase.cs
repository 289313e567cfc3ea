using Sim.Arch.Native;
using Sim.Arch.Pim;
using Sim.Core.Hardware;
using Sim.Core.Reference;

namespace Sim.Explorer.Verify;

/// <summary>
/// y = W·x through <see cref="PimGemvExecutor"/> in its layout's order (chunks, pieces, COMPs, adder trees) and, for a
/// plain GEMV, every native fp32 GEMM (N = 1). The PIM device stores fp16, so the oracle multiplies the fp16-rounded W
/// and x (that rounding is the design, not an error); the products are then exact in fp32 and only the sums round:
/// c·γ_L·Σ|w||x| per output, L = the segment length. A segmented GEMV (NeuPIMs' per-head q·Kᵀ) gives one output per
/// (row, segment), each checked against its own segment's reference dot product.
/// </summary>
public sealed record PimGemvCase(int Rows, int Cols, int SegmentLength, int Channels, int Seed = VerifyOperands.DefaultSeed) : IVerifyCase
{
    public static PimSpec Pim => PimPresets.NeuPims;

    public static DramTimingSpec Dram => DramPresets.NeuPimsHbm2;

    public string Name => SegmentLength == Cols
        ? $"gemv {Rows}x{Cols} {Channels}ch"
        : $"gemv {Rows}x{Cols} segments of {SegmentLength} {Channels}ch";

    public IReadOnlyList<SimulatedPath> Paths => [new($"pim gemv {Pim.Name}", [typeof(PimGemvExecutor)])];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var random = VerifyOperands.For(Name, Seed);
        var w = PimGemvExecutor.ToHalfPrecision(VerifyOperands.Floats(random, Rows * Cols));
        var x = PimGemvExecutor.ToHalfPrecision(VerifyOperands.Floats(random, Cols));
        var segments = Cols / SegmentLength;
        var expected = new double[Rows * segments];
        var bound = new double[Rows * segments];
        for (var s = 0; s < segments; s++)
        {
            var ws = new float[Rows * SegmentLength];
            for (var r = 0; r < Rows; r++)
                Array.Copy(w, (r * Cols) + (s * SegmentLength), ws, r * SegmentLength, SegmentLength);
            var xs = x.AsSpan(s * SegmentLength, SegmentLength);
            var z = ReferenceGemm.Fp32(ws, xs, Rows, 1, SegmentLength);
            var b = FloatBounds.Gemm(ReferenceGemm.AbsoluteProductSums(ws, xs, Rows, 1, SegmentLength), SegmentLength);
            for (var r = 0; r < Rows; r++)
                (expected[(r * segments) + s], bound[(r * segments) + s]) = (z[r], b[r]);
        }

        var layout = PimGemvLayout.Create(Pim, Dram, new PimGemvShape(Rows, Cols, SegmentLength), Channels);
        var note = $"{layout.Chunks.Count} chunk{(layout.Chunks.Count == 1 ? "" : "s")}, inputs fp16";
        yield return Checks.Simulated(Name, Paths[0].Name, () => Compare.Within(PimGemvExecutor.Run(layout, w, x), expected, bound), note);
        if (segments != 1)
            yield break; // a segmented GEMV is not a GEMM: no native kernel computes it
        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.GemmF32, (long)Rows * Cols,
                t => t.GemmF32(w, x, Rows, 1, Cols), y => Compare.Within(y, expected, bound));
        }
    }
}
