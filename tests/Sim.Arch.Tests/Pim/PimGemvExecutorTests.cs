using CsCheck;
using Sim.Arch.Pim;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

/// <summary>
/// The executor against a naive fp64 GEMV on the same fp16-rounded inputs. fp16×fp16 products are exact in fp32, so
/// the only error is fp32 summation: any order of n additions of terms t_i errs by at most γ_n·Σ|t_i|,
/// γ_n = n·u/(1 − n·u), u = 2⁻²⁴ (Higham, Accuracy and Stability, Lemma 3.1/§4.2); adding padding zeros is exact.
/// </summary>
public class PimGemvExecutorTests
{
    private const double UnitRoundoff = 1.0 / (1 << 24);

    private static (double[] Value, double[] AbsSum) Reference(PimGemvShape shape, float[] w, float[] x)
    {
        var value = new double[shape.Outputs];
        var absSum = new double[shape.Outputs];
        for (long r = 0; r < shape.Rows; r++)
        {
            for (long e = 0; e < shape.Cols; e++)
            {
                var product = (double)w[r * shape.Cols + e] * x[e];
                var output = r * shape.Segments + e / shape.SegmentLength;
                value[output] += product;
                absSum[output] += Math.Abs(product);
            }
        }

        return (value, absSum);
    }

    private static void AssertWithinBound(PimGemvLayout layout, float[] w, float[] x)
    {
        var shape = layout.Shape;
        var y = PimGemvExecutor.Run(layout, w, x);
        var (expected, absSum) = Reference(shape, PimGemvExecutor.ToHalfPrecision(w), PimGemvExecutor.ToHalfPrecision(x));
        var n = shape.SegmentLength;
        var gamma = n * UnitRoundoff / (1 - (n * UnitRoundoff));
        for (var i = 0; i < y.Length; i++)
            Assert.True(Math.Abs(y[i] - expected[i]) <= gamma * absSum[i], $"output {i}: {y[i]} vs {expected[i]} (bound {gamma * absSum[i]})");
    }

    private static float[] RandomFloats(Random rng, long count) =>
        [.. Enumerable.Range(0, (int)count).Select(_ => (float)((rng.NextDouble() * 2) - 1))];

    [Fact]
    public void Small_integers_give_the_exact_product()
    {
        // 37 × 300 with values in [−8, 8]: every partial sum is an integer below 2^24, so fp32 is exact.
        var shape = PimGemvShape.Plain(37, 300);
        var rng = new Random(7);
        var w = Enumerable.Range(0, 37 * 300).Select(_ => (float)rng.Next(-8, 9)).ToArray();
        var x = Enumerable.Range(0, 300).Select(_ => (float)rng.Next(-8, 9)).ToArray();
        var y = PimGemvExecutor.Run(PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, shape, 3), w, x);
        var (expected, _) = Reference(shape, w, x);
        Assert.Equal(expected.Select(v => (float)v), y);
    }

    [Fact]
    public void Inputs_are_rounded_to_fp16_before_the_multiply()
    {
        // 1 + 2^-12 is not an fp16 number: it rounds to 1, so 1·(1 + 2^-12) reads back as exactly 1.
        var layout = PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, PimGemvShape.Plain(1, 1), 1);
        Assert.Equal([1f], PimGemvExecutor.Run(layout, [1f + (1f / 4096)], [1f]));
    }

    [Fact]
    public void The_adder_tree_sums_pairs_level_by_level()
    {
        // Three elements sum as (a + b) + c: 2^24 + 1 rounds back to 2^24, so the 1 is lost.
        // Four sum as (a + b) + (c + d): [2^24, 1, 1, −2^24] gives 2^24 + (1 − 2^24) = 1, where left to right gives 0.
        Assert.Equal(6f, PimGemvExecutor.AdderTree([1f, 2f, 3f]));
        Assert.Equal(0f, PimGemvExecutor.AdderTree([16777216f, 1f, -16777216f]));
        Assert.Equal(1f, PimGemvExecutor.AdderTree([16777216f, 1f, 1f, -16777216f]));
    }

    [Fact]
    public void Random_shapes_and_devices_stay_within_the_fp32_bound() =>
        Gen.Select(PimTestSpecs.SmallDevice, Gen.Int[1, 25], Gen.Int[1, 45], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[0, 100000])
            .Sample(t =>
            {
                var ((pim, dram), rows, segment, segments, channels, seed) = t;
                var shape = new PimGemvShape(rows, (long)segment * segments, segment);
                var rng = new Random(seed);
                AssertWithinBound(PimGemvLayout.Create(pim, dram, shape, channels), RandomFloats(rng, shape.Rows * shape.Cols), RandomFloats(rng, shape.Cols));
            }, iter: 200);

    [Theory]
    [InlineData(64, 4096, 1)]
    [InlineData(33, 1000, 2)]
    [InlineData(1, 1537, 1)]
    public void Preset_sized_gemvs_with_odd_shapes_stay_within_the_fp32_bound(int rows, int cols, int channels)
    {
        var rng = new Random(rows + cols);
        foreach (var (pim, dram) in PimPresets.All)
            AssertWithinBound(PimGemvLayout.Create(pim, dram, PimGemvShape.Plain(rows, cols), channels), RandomFloats(rng, (long)rows * cols), RandomFloats(rng, cols));
    }
}
