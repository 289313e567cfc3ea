namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Slice (attributes starts/ends/axes before opset 10; inputs starts, ends, axes, steps from 10): per sliced axis of size d,
/// a negative start/end adds d; step &gt; 0 clamps both to [0, d], step &lt; 0 clamps start to [0, d−1] and end to [−1, d−1];
/// the length is max(0, ⌈(end − start) / step⌉). Gather: data[:axis] + indices.shape + data[axis+1:]. Both fold small constants.
/// </summary>
internal static class IndexingRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Slice"] = Slice;
        rules["Gather"] = Gather;
    }

    private static void Slice(NodeContext c)
    {
        var x = c.Shape(0);
        long[] starts, ends;
        long[]? axes, steps = null;
        if (c.Opset < 10)
        {
            starts = c.Attr.Ints("starts")?.ToArray() ?? throw c.Attr.Error("starts", "is required but missing", "add starts (the model is malformed)");
            ends = c.Attr.Ints("ends")?.ToArray() ?? throw c.Attr.Error("ends", "is required but missing", "add ends (the model is malformed)");
            axes = c.Attr.Ints("axes")?.ToArray();
        }
        else
        {
            starts = c.RequireValue(1, "starts").AsLongs();
            ends = c.RequireValue(2, "ends").AsLongs();
            axes = c.Has(3) ? c.RequireValue(3, "axes").AsLongs() : null;
            steps = c.Has(4) ? c.RequireValue(4, "steps").AsLongs() : null;
        }
        axes ??= Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        steps ??= Enumerable.Repeat(1L, starts.Length).ToArray();
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
            throw c.Fail($"starts/ends/axes/steps have different lengths ({starts.Length}/{ends.Length}/{axes.Length}/{steps.Length})", "give one entry per sliced axis in each");
        var shape = (long[])x.Clone();
        var first = new long[x.Length];
        var step = Enumerable.Repeat(1L, x.Length).ToArray();
        var seen = new HashSet<int>();
        for (var j = 0; j < starts.Length; j++)
        {
            var axis = c.Axis(axes[j], x.Length, "axes entry");
            if (!seen.Add(axis))
                throw c.Fail($"axis {axis} is sliced twice", "give each axis once");
            if (steps[j] == 0)
                throw c.Fail($"step 0 on axis {axis}", "use a non-zero step");
            var (start, length) = Resolve(starts[j], ends[j], steps[j], x[axis]);
            shape[axis] = length;
            first[axis] = start;
            step[axis] = steps[j];
        }
        var inStrides = Shapes.Strides(x);
        var value = ConstantFolding.Remap(c.Value(0), shape, flat =>
        {
            long source = 0;
            for (var i = shape.Length - 1; i >= 0; i--)
            {
                source += (first[i] + flat % shape[i] * step[i]) * inStrides[i];
                flat /= shape[i];
            }
            return source;
        });
        c.Output(0, c.Type(0), shape, value);
    }

    /// <summary>
    /// The first index and the length a slice takes from an axis of size <paramref name="d"/>. An empty axis gives (0, 0)
    /// (its negative-step clamp range [0, d−1] is empty). The count is 1 + (span − 1) / |step| for a positive span, written
    /// so that INT64 min/max steps and bounds cannot overflow.
    /// </summary>
    internal static (long Start, long Length) Resolve(long start, long end, long step, long d)
    {
        if (d == 0)
            return (0, 0);
        if (start < 0)
            start += d;
        if (end < 0)
            end += d;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, d);
            end = Math.Clamp(end, 0, d);
            return (start, end > start ? 1 + (end - start - 1) / step : 0);
        }
        start = Math.Clamp(start, 0, d - 1);
        end = Math.Clamp(end, -1, d - 1);
        // (span − 1) / step is −⌊(span − 1) / |step|⌋ (C# truncates), and step = long.MinValue needs no negation.
        return (start, start > end ? 1 - (start - end - 1) / step : 0);
    }

    private static void Gather(NodeContext c)
    {
        var data = c.Shape(0);
        var indices = c.Shape(1);
        if (data.Length == 0)
            throw c.Fail($"data {c.Describe(0)} is a scalar", "Gather needs data of rank ≥ 1");
        var axis = c.Axis(c.Attr.Int("axis", 0), data.Length, "axis");
        long[] shape = [.. data[..axis], .. indices, .. data[(axis + 1)..]];
        ConstantValue? value = null;
        if (c.Value(0) is { } source && c.Value(1) is { } index)
        {
            var at = index.AsLongs();
            for (var k = 0; k < at.Length; k++)
            {
                if (at[k] < -data[axis] || at[k] >= data[axis])
                    throw c.Fail($"index {at[k]} is out of range for axis {axis} of {c.Describe(0)}", "fix the indices");
                if (at[k] < 0)
                    at[k] += data[axis];
            }
            var inner = Shapes.Count(data[(axis + 1)..]);
            var indexCount = at.Length;
            value = ConstantFolding.Remap(source, shape, flat =>
            {
                var innerPos = flat % inner;
                var rest = flat / inner;
                var k = rest % indexCount;
                var outer = rest / indexCount;
                return (outer * data[axis] + at[k]) * inner + innerPos;
            });
        }
        c.Output(0, c.Type(0), shape, value);
    }
}
