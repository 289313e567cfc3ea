namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Value-level helpers for folding small constants (shape arithmetic): broadcasting binary arithmetic and index remapping
/// (the one primitive behind Gather, Slice, Concat, Expand and Transpose-free data movement), comparisons/logic and Where
/// (PyTorch's ConstantOfShape → Mul(−1) → Equal → Where → Expand shape subgraphs). Integer tensors stay exact
/// in <c>long</c>; integer division truncates toward zero as C/C++ runtimes (onnxruntime) do.
/// </summary>
internal static class ConstantFolding
{
    /// <summary>a (op) b with broadcasting, or null when either is not known, the op is not folded, or an integer divides by 0.</summary>
    public static ConstantValue? Binary(string op, ConstantValue? a, ConstantValue? b, long[] shape)
    {
        if (a is null || b is null || Shapes.Count(shape) > ConstantValue.MaxElements)
            return null;
        var n = (int)Shapes.Count(shape);
        var aShape = a.Shape;
        var bShape = b.Shape;
        if (a.Longs is { } al && b.Longs is { } bl)
        {
            var result = new long[n];
            for (var i = 0; i < n; i++)
            {
                var x = al[Broadcasting.SourceIndex(i, shape, aShape)];
                var y = bl[Broadcasting.SourceIndex(i, shape, bShape)];
                switch (op)
                {
                    case "Add": result[i] = x + y; break;
                    case "Sub": result[i] = x - y; break;
                    case "Mul": result[i] = x * y; break;
                    case "Div":
                        if (y == 0)
                            return null;
                        result[i] = x / y;
                        break;
                    case "Min": result[i] = Math.Min(x, y); break;
                    case "Max": result[i] = Math.Max(x, y); break;
                    default: return null;
                }
            }
            return ConstantValue.OfLongs(a.Type, shape, result);
        }
        if (!a.Type.IsDecodedFloat())
            return null;
        var ad = a.AsDoubles();
        var bd = b.AsDoubles();
        var doubles = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = ad[Broadcasting.SourceIndex(i, shape, aShape)];
            var y = bd[Broadcasting.SourceIndex(i, shape, bShape)];
            doubles[i] = op switch
            {
                "Add" => x + y,
                "Sub" => x - y,
                "Mul" => x * y,
                "Div" => x / y,
                "Min" => Math.Min(x, y),
                "Max" => Math.Max(x, y),
                _ => double.NaN,
            };
            if (a.Type == OnnxElementType.Float)
                doubles[i] = (float)doubles[i];
        }
        return op is "Add" or "Sub" or "Mul" or "Div" or "Min" or "Max" ? ConstantValue.OfDoubles(a.Type, shape, doubles) : null;
    }

    /// <summary>
    /// A comparison (Equal, Less, Greater, LessOrEqual, GreaterOrEqual) or logic op (And, Or, Xor) with broadcasting, as a
    /// BOOL tensor (0/1); null when either side is unknown or the op is not folded. Integers compare exactly.
    /// </summary>
    public static ConstantValue? Compare(string op, ConstantValue? a, ConstantValue? b, long[] shape)
    {
        if (a is null || b is null || Shapes.Count(shape) > ConstantValue.MaxElements)
            return null;
        var n = (int)Shapes.Count(shape);
        var bothLongs = a.Longs is not null && b.Longs is not null;
        var (al, bl) = bothLongs ? (a.Longs!, b.Longs!) : ([], []);
        var (ad, bd) = bothLongs ? ([], []) : (a.AsDoubles(), b.AsDoubles());
        var result = new long[n];
        for (var i = 0; i < n; i++)
        {
            var ia = Broadcasting.SourceIndex(i, shape, a.Shape);
            var ib = Broadcasting.SourceIndex(i, shape, b.Shape);
            // Sign of a − b without overflow: longs compare exactly, doubles as doubles.
            var order = bothLongs ? al[ia].CompareTo(bl[ib]) : ad[ia].CompareTo(bd[ib]);
            var (x, y) = bothLongs ? (al[ia] != 0, bl[ib] != 0) : (ad[ia] != 0, bd[ib] != 0);
            bool? truth = op switch
            {
                "Equal" => order == 0,
                "Less" => order < 0,
                "Greater" => order > 0,
                "LessOrEqual" => order <= 0,
                "GreaterOrEqual" => order >= 0,
                "And" => x && y,
                "Or" => x || y,
                "Xor" => x ^ y,
                _ => null,
            };
            if (truth is not { } t)
                return null;
            result[i] = t ? 1 : 0;
        }
        return ConstantValue.OfLongs(OnnxElementType.Bool, shape, result);
    }

    /// <summary>Where(cond, x, y) with broadcasting; null unless all three are known and x, y are both integer or both float.</summary>
    public static ConstantValue? Where(ConstantValue? cond, ConstantValue? x, ConstantValue? y, long[] shape)
    {
        if (cond is null || x is null || y is null || Shapes.Count(shape) > ConstantValue.MaxElements || (x.Longs is null) != (y.Longs is null))
            return null;
        var n = (int)Shapes.Count(shape);
        var c = cond.AsDoubles();
        bool Pick(int i) => c[Broadcasting.SourceIndex(i, shape, cond.Shape)] != 0;
        if (x.Longs is { } xl)
        {
            var yl = y.Longs!;
            var longs = new long[n];
            for (var i = 0; i < n; i++)
                longs[i] = Pick(i) ? xl[Broadcasting.SourceIndex(i, shape, x.Shape)] : yl[Broadcasting.SourceIndex(i, shape, y.Shape)];
            return ConstantValue.OfLongs(x.Type, shape, longs);
        }
        var xd = x.Doubles!;
        var yd = y.Doubles!;
        var doubles = new double[n];
        for (var i = 0; i < n; i++)
            doubles[i] = Pick(i) ? xd[Broadcasting.SourceIndex(i, shape, x.Shape)] : yd[Broadcasting.SourceIndex(i, shape, y.Shape)];
        return ConstantValue.OfDoubles(x.Type, shape, doubles);
    }

    /// <summary>A tensor of <paramref name="shape"/> whose element i is <paramref name="source"/>'s element sourceIndex(i); null above the cap.</summary>
    public static ConstantValue? Remap(ConstantValue? source, long[] shape, Func<long, long> sourceIndex)
    {
        if (source is null || Shapes.Count(shape) > ConstantValue.MaxElements)
            return null;
        var n = (int)Shapes.Count(shape);
        if (source.Longs is { } longs)
        {
            var result = new long[n];
            for (var i = 0; i < n; i++)
                result[i] = longs[sourceIndex(i)];
            return ConstantValue.OfLongs(source.Type, shape, result);
        }
        var doubles = source.Doubles!;
        var values = new double[n];
        for (var i = 0; i < n; i++)
            values[i] = doubles[sourceIndex(i)];
        return ConstantValue.OfDoubles(source.Type, shape, values);
    }

    /// <summary>Concatenation along <paramref name="axis"/> of values that are all known; null otherwise.</summary>
    public static ConstantValue? Concat(IReadOnlyList<ConstantValue?> parts, int axis, long[] shape, OnnxElementType type)
    {
        if (parts.Any(p => p is null) || Shapes.Count(shape) > ConstantValue.MaxElements)
            return null;
        long outer = 1;
        for (var i = 0; i < axis; i++)
            outer *= shape[i];
        var integral = type.IsIntegral();
        var longs = new List<long>();
        var doubles = new List<double>();
        for (long o = 0; o < outer; o++)
        {
            foreach (var part in parts)
            {
                var block = (int)(part!.Count / outer);
                if (integral)
                    longs.AddRange(part.AsLongs().Skip((int)(o * block)).Take(block));
                else
                    doubles.AddRange(part.AsDoubles().Skip((int)(o * block)).Take(block));
            }
        }
        return integral ? ConstantValue.OfLongs(type, shape, longs.ToArray()) : type.IsDecodedFloat() ? ConstantValue.OfDoubles(type, shape, doubles.ToArray()) : null;
    }

    /// <summary>A tensor of <paramref name="shape"/> filled with the single element of <paramref name="fill"/>.</summary>
    public static ConstantValue? Fill(ConstantValue fill, long[] shape)
    {
        if (Shapes.Count(shape) > ConstantValue.MaxElements)
            return null;
        var n = (int)Shapes.Count(shape);
        return fill.Longs is { } l
            ? ConstantValue.OfLongs(fill.Type, shape, Enumerable.Repeat(l[0], n).ToArray())
            : ConstantValue.OfDoubles(fill.Type, shape, Enumerable.Repeat(fill.Doubles![0], n).ToArray());
    }
}
