namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Ops that rearrange without computing: Reshape (0 copies the input dim unless allowzero=1, one -1 is inferred, element
/// count must not change), Flatten, Transpose, Squeeze/Unsqueeze (axes an attribute before opset 13, an input from 13),
/// Expand (bidirectional broadcast to the shape input) and Tile. Small constants fold (values unchanged or re-indexed).
/// </summary>
internal static class LayoutRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["Reshape"] = Reshape;
        rules["Flatten"] = Flatten;
        rules["Transpose"] = Transpose;
        rules["Squeeze"] = Squeeze;
        rules["Unsqueeze"] = Unsqueeze;
        rules["Expand"] = Expand;
        rules["Tile"] = Tile;
    }

    private static void Reshape(NodeContext c)
    {
        var x = c.Shape(0);
        var target = c.RequireValue(1, "shape").AsLongs();
        var allowZero = c.Attr.Int("allowzero", 0) != 0;
        var shape = new long[target.Length];
        var inferred = -1;
        for (var i = 0; i < target.Length; i++)
        {
            var d = target[i];
            if (d == 0 && !allowZero)
            {
                if (i >= x.Length)
                    throw c.Fail($"shape entry {i} is 0 (copy the input dim) but X {c.Describe(0)} has rank {x.Length}", "fix the Reshape target");
                d = x[i];
            }
            else if (d == -1)
            {
                if (inferred >= 0)
                    throw c.Fail($"shape [{string.Join(",", target)}] has more than one -1", "leave at most one dim to infer");
                inferred = i;
                continue;
            }
            else if (d < 0)
            {
                throw c.Fail($"shape [{string.Join(",", target)}] has the negative entry {d}", "use sizes ≥ 0, one -1, or 0 to copy");
            }
            shape[i] = d;
        }
        var count = Shapes.Count(x);
        var known = shape.Where((_, i) => i != inferred).Aggregate(1L, (a, d) => a * d);
        if (inferred >= 0)
        {
            if (known == 0 || count % known != 0)
                throw c.Fail($"cannot infer the -1 of shape [{string.Join(",", target)}] from X {c.Describe(0)} ({count} elements)", "fix the Reshape target");
            shape[inferred] = count / known;
        }
        else if (known != count)
        {
            throw c.Fail($"shape [{string.Join(",", target)}] holds {known} elements, X {c.Describe(0)} has {count}", "a Reshape must keep the element count; fix the target");
        }
        c.Output(0, c.Type(0), shape, c.Value(0)?.WithShape(shape));
    }

    private static void Flatten(NodeContext c)
    {
        var x = c.Shape(0);
        var axis = c.Attr.Int("axis", 1);
        if (axis < -x.Length || axis > x.Length)
            throw c.Attr.Error("axis", $"is {axis}, out of range for rank {x.Length}", $"use an axis in [{-x.Length}, {x.Length}]");
        if (axis < 0)
            axis += x.Length;
        long[] shape = [Shapes.Count(x[..(int)axis]), Shapes.Count(x[(int)axis..])];
        c.Output(0, c.Type(0), shape, c.Value(0)?.WithShape(shape));
    }

    private static void Transpose(NodeContext c)
    {
        var x = c.Shape(0);
        var perm = c.Attr.Ints("perm")?.ToArray() ?? Enumerable.Range(0, x.Length).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != x.Length || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
            throw c.Attr.Error("perm", $"[{string.Join(",", perm)}] is not a permutation of X's {x.Length} axes", "give each axis 0..rank-1 once");
        var shape = perm.Select(p => x[p]).ToArray();
        var inStrides = Shapes.Strides(x);
        var value = ConstantFolding.Remap(c.Value(0), shape, flat =>
        {
            long source = 0;
            for (var i = shape.Length - 1; i >= 0; i--)
            {
                source += flat % shape[i] * inStrides[perm[i]];
                flat /= shape[i];
            }
            return source;
        });
        c.Output(0, c.Type(0), shape, value);
    }

    private static void Squeeze(NodeContext c)
    {
        var x = c.Shape(0);
        IReadOnlyList<long>? axes = c.Opset >= 13 ? (c.Has(1) ? c.RequireValue(1, "axes").AsLongs() : null) : c.Attr.Ints("axes");
        HashSet<int> removed;
        // An empty axes tensor means the same as no axes (onnxruntime: [1,3,1,5] → [3,5]).
        if (axes is null || axes.Count == 0)
        {
            removed = Enumerable.Range(0, x.Length).Where(i => x[i] == 1).ToHashSet();
        }
        else
        {
            removed = axes.Select(a => c.Axis(a, x.Length, "axes entry")).ToHashSet();
            foreach (var a in removed.Where(a => x[a] != 1))
                throw c.Fail($"cannot squeeze axis {a} of X {c.Describe(0)}: its size is {x[a]}, not 1", "squeeze only axes of size 1");
        }
        var shape = x.Where((_, i) => !removed.Contains(i)).ToArray();
        c.Output(0, c.Type(0), shape, c.Value(0)?.WithShape(shape));
    }

    private static void Unsqueeze(NodeContext c)
    {
        var x = c.Shape(0);
        var axes = c.Opset >= 13 ? c.RequireValue(1, "axes").AsLongs() : c.Attr.Ints("axes")?.ToArray()
            ?? throw c.Attr.Error("axes", "is required but missing", "add axes (the model is malformed)");
        var rank = x.Length + axes.Length;
        var inserted = axes.Select(a => c.Axis(a, rank, "axes entry")).ToHashSet();
        if (inserted.Count != axes.Length)
            throw c.Fail($"axes [{string.Join(",", axes)}] repeat an axis", "give each new axis once");
        var shape = new long[rank];
        var next = 0;
        for (var i = 0; i < rank; i++)
            shape[i] = inserted.Contains(i) ? 1 : x[next++];
        c.Output(0, c.Type(0), shape, c.Value(0)?.WithShape(shape));
    }

    private static void Expand(NodeContext c)
    {
        var x = c.Shape(0);
        var target = c.RequireValue(1, "shape").AsLongs();
        var shape = Broadcasting.Shape(x, target)
            ?? throw c.Fail($"X {c.Describe(0)} does not broadcast with shape [{string.Join(",", target)}]", "fix the Expand target");
        c.Output(0, c.Type(0), shape, ConstantFolding.Remap(c.Value(0), shape, i => Broadcasting.SourceIndex(i, shape, x)));
    }

    private static void Tile(NodeContext c)
    {
        var x = c.Shape(0);
        var repeats = c.RequireValue(1, "repeats").AsLongs();
        if (repeats.Length != x.Length || repeats.Any(r => r < 0))
            throw c.Fail($"repeats [{string.Join(",", repeats)}] must hold one non-negative count per axis of X {c.Describe(0)}", "fix the repeats input");
        c.Output(0, c.Type(0), x.Select((d, i) => d * repeats[i]).ToArray());
    }
}
