using CsCheck;
using Sim.Explorer.Import.Onnx.Inference;

namespace Sim.Explorer.Tests.Import.Onnx.Review;

/// <summary>Slice's closed-form (start, length) against enumerating the indices the ONNX spec's clamping selects.</summary>
public class SliceResolveTests
{
    [Fact]
    public void Negative_step_on_a_zero_length_axis_is_empty()
    {
        Assert.Equal((0L, 0L), IndexingRules.Resolve(-1, long.MinValue, -1, 0));
        var g = new TinyOnnx(13).Input("x", 0, 4).Ints("s", -1).Ints("e", long.MinValue).Ints("a", 0).Ints("st", -1)
            .Node("Slice", ["x", "s", "e", "a", "st"], ["y"]).Output("y").Infer();
        Assert.Equal([0, 4], g.Get("y").Shape);
    }

    [Fact]
    public void Huge_steps_do_not_overflow()
    {
        Assert.Equal((0L, 1L), IndexingRules.Resolve(0, long.MaxValue, long.MaxValue, 5));
        Assert.Equal((4L, 1L), IndexingRules.Resolve(long.MaxValue, long.MinValue, long.MinValue, 5));
        Assert.Equal((0L, 5L), IndexingRules.Resolve(long.MinValue, long.MaxValue, 1, 5));
        Assert.Equal((4L, 5L), IndexingRules.Resolve(long.MaxValue, long.MinValue, -1, 5));
    }

    [Fact]
    public void Resolve_matches_brute_force_enumeration()
    {
        var bound = Gen.OneOf(Gen.Long[-12, 12], Gen.Int[0, 3].Select(i => new[] { long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1 }[i]));
        var step = Gen.OneOf(Gen.Long[-5, 5], Gen.Bool.Select(b => b ? long.MinValue : long.MaxValue)).Where(s => s != 0);
        Gen.Select(bound, bound, step, Gen.Long[0, 8]).Sample((start, end, s, d) =>
        {
            var indices = Enumerate(start, end, s, d);
            var (first, length) = IndexingRules.Resolve(start, end, s, d);
            Assert.Equal(indices.Count, length);
            if (length > 0)
                Assert.Equal(indices[0], first);
        });
    }

    // The spec's loop, in Int128 so no bound or step overflows: negative bounds add d, then clamp by the sign of the step.
    private static List<long> Enumerate(long start, long end, long step, long d)
    {
        Int128 s = start < 0 ? (Int128)start + d : start;
        Int128 e = end < 0 ? (Int128)end + d : end;
        var found = new List<long>();
        if (step > 0)
        {
            s = Int128.Clamp(s, 0, d);
            e = Int128.Clamp(e, 0, d);
            for (var i = s; i < e; i += step)
                found.Add((long)i);
        }
        else if (d > 0)
        {
            s = Int128.Clamp(s, 0, d - 1);
            e = Int128.Clamp(e, -1, d - 1);
            for (var i = s; i > e; i += step)
                found.Add((long)i);
        }
        return found;
    }
}
