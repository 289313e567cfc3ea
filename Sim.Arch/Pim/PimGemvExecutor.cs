namespace Sim.Arch.Pim;

/// <summary>
/// Functional PIM GEMV in the order the layout implies: W and x rounded to fp16 (<see cref="Half"/>); each COMP multiplies
/// LanesPerUnit weights by the buffered inputs (an fp16×fp16 product is exact in fp32) and sums them with a pairwise adder
/// tree in fp32; a PU accumulates its COMPs in fp32; READRES hands each piece's sum to the host, which adds the pieces of a
/// segment in chunk order in fp32 (NeuPIMs' vector ADD of S·V partials). Padding lanes multiply zeros.
/// The READRES value is kept in fp32 (NeuPIMs reads 2 B per bank; docs/pim.md lists that as not modelled).
/// </summary>
public static class PimGemvExecutor
{
    /// <summary>
    /// y[row·Segments + segment] for W row-major (Rows × Cols) and x (Cols).
    /// </summary>
    public static float[] Run(PimGemvLayout layout, ReadOnlySpan<float> w, ReadOnlySpan<float> x)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var shape = layout.Shape;
        if (w.Length != shape.Rows * shape.Cols || x.Length != shape.Cols)
            throw new ArgumentException($"expected W of {shape.Rows}×{shape.Cols} and x of {shape.Cols}; got {w.Length} and {x.Length} elements");
        var wh = ToHalfPrecision(w);
        var xh = ToHalfPrecision(x);
        var lanes = layout.Pim.LanesPerUnit;
        var tree = new float[lanes];
        var y = new float[shape.Outputs];
        for (var channel = 0; channel < layout.RowsPerChannel.Count; channel++)
        {
            foreach (var tile in layout.Tiles(channel))
            {
                for (var unit = 0; unit < tile.UsedUnits; unit++)
                {
                    var row = layout.GlobalRow(tile, unit);
                    foreach (var piece in tile.Chunk.Pieces)
                    {
                        var xBase = piece.Segment * shape.SegmentLength + piece.Start;
                        var wBase = row * shape.Cols + xBase;
                        var accumulator = 0f;
                        for (var comp = 0; comp < piece.Comps; comp++)
                        {
                            for (var lane = 0; lane < lanes; lane++)
                            {
                                var e = (long)comp * lanes + lane;
                                tree[lane] = e < piece.Length ? wh[wBase + e] * xh[xBase + e] : 0f;
                            }

                            accumulator += AdderTree(tree);
                        }

                        // READRES: the host adds this piece to the segment's earlier pieces.
                        var output = row * shape.Segments + piece.Segment;
                        y[output] = piece.Start == 0 ? accumulator : y[output] + accumulator;
                    }
                }
            }
        }

        return y;
    }

    /// <summary>Rounds every element to fp16 and back: the values a PIM device stores.</summary>
    public static float[] ToHalfPrecision(ReadOnlySpan<float> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
            result[i] = (float)(Half)values[i];
        return result;
    }

    /// <summary>Pairwise reduction, level by level, in fp32 (an odd element passes to the next level unchanged).</summary>
    public static float AdderTree(float[] values)
    {
        for (var n = values.Length; n > 1; n = (n + 1) / 2)
        {
            for (var i = 0; i < n / 2; i++)
                values[i] = values[2 * i] + values[(2 * i) + 1];
            if (n % 2 == 1)
                values[n / 2] = values[n - 1];
        }

        return values[0];
    }
}
