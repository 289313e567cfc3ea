namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>Small shape helpers shared by the rules.</summary>
internal static class Shapes
{
    public static long Count(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (var d in shape)
            count = checked(count * d);
        return count;
    }

    public static string Text(IReadOnlyList<long> shape) => "[" + string.Join("x", shape) + "]";

    /// <summary>Floor division for possibly negative numerators (C# '/' truncates).</summary>
    public static long FloorDiv(long a, long b) => (long)Math.Floor((double)a / b);

    public static long CeilDiv(long a, long b) => (long)Math.Ceiling((double)a / b);

    /// <summary>Row-major strides of <paramref name="shape"/>.</summary>
    public static long[] Strides(IReadOnlyList<long> shape)
    {
        var strides = new long[shape.Count];
        long s = 1;
        for (var i = shape.Count - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }
}
