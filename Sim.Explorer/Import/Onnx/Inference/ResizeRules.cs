namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Resize and Upsample. The output size per axis is 'sizes' when given, else ⌊in · scale⌋ (with
/// coordinate_transformation_mode tf_crop_and_resize, ⌊in · (roi_end − roi_start) · scale⌋), the product taken in float32
/// as onnxruntime does (10 × 0.7f → 7). Input positions: Upsample
/// opset 7 has a 'scales' attribute, opset 9 a scales input; Resize opset 10 is (X, scales), from 11 (X, roi, scales, sizes),
/// where an empty scales tensor means "use sizes"; opset 18 adds 'axes' and keep_aspect_ratio_policy.
/// </summary>
internal static class ResizeRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Resize"] = Resize;
        rules["Upsample"] = Upsample;
    }

    private static void Upsample(NodeContext c)
    {
        var scales = c.Attr.Floats("scales")?.ToArray() ?? c.RequireValue(1, "scales").AsDoubles();
        c.Output(0, c.Type(0), Scaled(c, c.Shape(0), Enumerable.Range(0, c.Rank(0)).ToArray(), scales, null));
    }

    private static void Resize(NodeContext c)
    {
        var x = c.Shape(0);
        if (c.Opset < 11)
        {
            c.Output(0, c.Type(0), Scaled(c, x, Enumerable.Range(0, x.Length).ToArray(), c.RequireValue(1, "scales").AsDoubles(), null));
            return;
        }
        var axes = c.Opset >= 18 && c.Attr.Ints("axes") is { } a
            ? a.Select(v => c.Axis(v, x.Length, "axes entry")).ToArray()
            : Enumerable.Range(0, x.Length).ToArray();
        var sizes = c.Has(3) ? c.RequireValue(3, "sizes").AsLongs() : null;
        var scales = c.Has(2) ? c.RequireValue(2, "scales").AsDoubles() : null;
        if (sizes is { Length: > 0 })
        {
            if (scales is { Length: > 0 })
                throw c.Fail("both scales and sizes are given", "give only one of them (the other as an empty tensor or omitted)");
            c.Output(0, c.Type(0), Sized(c, x, axes, sizes));
            return;
        }
        if (scales is not { Length: > 0 })
            throw c.Fail("neither scales nor sizes is given", "give one of them");
        double[]? roi = null;
        if (c.Attr.String("coordinate_transformation_mode", "half_pixel") == "tf_crop_and_resize" && c.Has(1))
            roi = c.RequireValue(1, "roi").AsDoubles();
        c.Output(0, c.Type(0), Scaled(c, x, axes, scales, roi));
    }

    private static long[] Scaled(NodeContext c, long[] x, int[] axes, double[] scales, double[]? roi)
    {
        if (scales.Length != axes.Length || scales.Any(s => s <= 0))
            throw c.Fail($"scales [{string.Join(",", scales)}] need one positive scale per axis of {c.Describe(0)}", "fix the scales");
        if (roi is not null && roi.Length != 2 * axes.Length)
            throw c.Fail($"roi has {roi.Length} entries, needs {2 * axes.Length}", "fix the roi input");
        var shape = (long[])x.Clone();
        for (var j = 0; j < axes.Length; j++)
        {
            // Scales are float32 in the file, and onnxruntime multiplies in float32 (static_cast<int64_t>(scale * in)): 10 at
            // 0.7f is 7 there, 6 in exact arithmetic (0.7f = 0.699999988). We follow the runtime; the roi extent is the spec's.
            var extent = roi is null ? 1f : (float)roi[j + axes.Length] - (float)roi[j];
            shape[axes[j]] = (long)MathF.Floor((float)x[axes[j]] * extent * (float)scales[j]);
        }
        return shape;
    }

    private static long[] Sized(NodeContext c, long[] x, int[] axes, long[] sizes)
    {
        if (sizes.Length != axes.Length || sizes.Any(s => s < 0))
            throw c.Fail($"sizes [{string.Join(",", sizes)}] need one non-negative size per axis of {c.Describe(0)}", "fix the sizes");
        var policy = c.Opset >= 18 ? c.Attr.String("keep_aspect_ratio_policy", "stretch") : "stretch";
        var shape = (long[])x.Clone();
        if (policy == "stretch")
        {
            for (var j = 0; j < axes.Length; j++)
                shape[axes[j]] = sizes[j];
            return shape;
        }
        // not_larger / not_smaller: one scale for all axes (the min or max of sizes/in), sizes = round(scale · in) with
        // halves rounded up (the spec's round_half_up; onnxruntime: [2,5] to [1,100] not_larger → [1,3]).
        var ratios = axes.Select((a, j) => (double)sizes[j] / x[a]).ToArray();
        var scale = policy == "not_larger" ? ratios.Min() : policy == "not_smaller" ? ratios.Max()
            : throw c.Attr.Error("keep_aspect_ratio_policy", $"is '{policy}'", "use stretch, not_larger or not_smaller");
        foreach (var a in axes)
            shape[a] = (long)Math.Floor(scale * x[a] + 0.5);
        return shape;
    }
}
