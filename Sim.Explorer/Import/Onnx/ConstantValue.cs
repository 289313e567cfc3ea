namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// The value of a small constant tensor (at most <see cref="MaxElements"/> elements), used to fold shape subgraphs.
/// Integer and bool tensors are held exactly in <see cref="Longs"/> (bool as 0/1); float/double in <see cref="Doubles"/>.
/// Exactly one of the two arrays is non-null. Row-major, in <see cref="Shape"/> order.
/// </summary>
public sealed class ConstantValue
{
    /// <summary>Largest element count whose value is read or computed: shape parameters are tiny; weights are not needed.</summary>
    public const int MaxElements = 4096;

    private ConstantValue(OnnxElementType type, long[] shape, long[]? longs, double[]? doubles)
    {
        Type = type;
        Shape = shape;
        Longs = longs;
        Doubles = doubles;
    }

    public OnnxElementType Type { get; }

    public IReadOnlyList<long> Shape { get; }

    public long[]? Longs { get; }

    public double[]? Doubles { get; }

    public int Count => Longs?.Length ?? Doubles!.Length;

    public static ConstantValue OfLongs(OnnxElementType type, long[] shape, long[] values)
    {
        if (!type.IsIntegral())
            throw new ArgumentException($"{type} is not an integral type", nameof(type));
        Check(shape, values.Length);
        return new ConstantValue(type, shape, values, null);
    }

    public static ConstantValue OfDoubles(OnnxElementType type, long[] shape, double[] values)
    {
        if (!type.IsDecodedFloat())
            throw new ArgumentException($"{type} is not float or double", nameof(type));
        Check(shape, values.Length);
        return new ConstantValue(type, shape, null, values);
    }

    /// <summary>Values as longs (floats truncated toward zero, as ONNX Cast does).</summary>
    public long[] AsLongs() => Longs ?? Array.ConvertAll(Doubles!, d => (long)d);

    /// <summary>Values as doubles.</summary>
    public double[] AsDoubles() => Doubles ?? Array.ConvertAll(Longs!, l => (double)l);

    /// <summary>The same values with another shape of equal element count.</summary>
    public ConstantValue WithShape(long[] shape) =>
        Longs is not null ? OfLongs(Type, shape, Longs) : OfDoubles(Type, shape, Doubles!);

    /// <summary>
    /// Converts to <paramref name="type"/> (ONNX Cast: float→int truncates, then narrows to the target width keeping the low
    /// bits, as onnxruntime's C casts do: UINT8 300 → 44; →bool is x != 0); null if not decodable.
    /// </summary>
    public ConstantValue? CastTo(OnnxElementType type, long[] shape)
    {
        if (type == OnnxElementType.Bool)
            return OfLongs(type, shape, Array.ConvertAll(AsDoubles(), d => d != 0 ? 1L : 0L));
        if (type.IsIntegral())
            return OfLongs(type, shape, Array.ConvertAll(AsLongs(), v => TensorDecoder.Narrow(type, v)));
        if (type.IsDecodedFloat())
        {
            var doubles = AsDoubles();
            if (type == OnnxElementType.Float)
                doubles = Array.ConvertAll(doubles, d => (double)(float)d);
            return OfDoubles(type, shape, doubles);
        }
        return null;
    }

    public override string ToString()
    {
        var text = Longs is not null
            ? string.Join(",", Longs.Take(8).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : string.Join(",", Doubles!.Take(8).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return $"{Type.OnnxName()}[{string.Join("x", Shape)}]{{{text}{(Count > 8 ? ",..." : "")}}}";
    }

    private static void Check(long[] shape, int count)
    {
        long product = 1;
        foreach (var d in shape)
            product *= d;
        if (product != count)
            throw new ArgumentException($"shape [{string.Join(",", shape)}] holds {product} elements, the values are {count}");
    }
}
