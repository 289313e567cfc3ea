namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// Numpy-style multidirectional broadcasting (ONNX Broadcasting.md): shapes are right-aligned; each pair of dims must be
/// equal or one of them 1; the result takes the other (a 1 against 0 gives 0).
/// </summary>
internal static class Broadcasting
{
    /// <summary>The broadcast shape, or null when the shapes are incompatible.</summary>
    public static long[]? Shape(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        var rank = Math.Max(a.Count, b.Count);
        var result = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Count ? 1 : a[i - (rank - a.Count)];
            var db = i < rank - b.Count ? 1 : b[i - (rank - b.Count)];
            if (da == db || db == 1)
                result[i] = da;
            else if (da == 1)
                result[i] = db;
            else
                return null;
        }
        return result;
    }

    /// <summary>True when <paramref name="from"/> broadcasts to exactly <paramref name="to"/> (unidirectional, as PRelu's slope).</summary>
    public static bool Unidirectional(IReadOnlyList<long> from, IReadOnlyList<long> to)
    {
        var result = Shape(from, to);
        return result is not null && result.SequenceEqual(to);
    }

    /// <summary>The flat index into <paramref name="source"/> that output element <paramref name="flat"/> of <paramref name="output"/> reads.</summary>
    public static long SourceIndex(long flat, long[] output, IReadOnlyList<long> source)
    {
        long index = 0;
        long stride = 1;
        var offset = output.Length - source.Count;
        for (var i = output.Length - 1; i >= 0; i--)
        {
            var coordinate = flat % output[i];
            flat /= output[i];
            if (i >= offset)
            {
                var d = source[i - offset];
                if (d != 1)
                    index += coordinate * stride;
                stride *= d;
            }
        }
        return index;
    }
}
