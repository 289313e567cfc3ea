namespace Sim.Arch.Attention;

/// <summary>
/// The fused lowering's numerics: per (batch, KV-head) group, the stacked query rows (row r = query r / GroupSize of
/// head kvHead·GroupSize + r mod GroupSize) in Br-row blocks; each visits its live Bc-key blocks
/// (<see cref="FusedTiling.LiveColumnBlocks"/>: fully masked blocks are skipped, as the cost model counts) with the
/// online softmax: m' = max(m, rowmax), α = exp(m − m'), l = α·l + Σ exp(s − m'), O = α·O + Σ exp(s − m')·v; at the
/// end O / l.
/// </summary>
internal static class OnlineSoftmaxExecutor
{
    public static float[] Run(AttentionOperands x, FusedBlock block)
    {
        var a = x.A;
        if (block.Rows < 1 || block.Cols < 1)
            throw new ArgumentOutOfRangeException(nameof(block), "a block has at least one row and one column");
        int d = x.D, group = (int)a.GroupSize, seqKv = (int)a.SeqKv;
        var output = new float[a.QElements];
        var p = new float[block.Cols];
        for (var b = 0; b < a.Batch; b++)
        {
            for (var kvHead = 0; kvHead < a.KvHeads; kvHead++)
            {
                for (long start = 0; start < a.GroupRows; start += block.Rows)
                {
                    var rows = (int)Math.Min(block.Rows, a.GroupRows - start);
                    var liveBlocks = FusedTiling.LiveColumnBlocks(a, block, start + rows - 1);
                    var max = new float[rows];
                    var sum = new float[rows];
                    var acc = new float[rows * d];
                    Array.Fill(max, float.NegativeInfinity);
                    for (long kb = 0; kb < liveBlocks; kb++)
                    {
                        int c0 = (int)(kb * block.Cols), cols = (int)Math.Min(block.Cols, seqKv - c0);
                        for (var r = 0; r < rows; r++)
                        {
                            var (head, query) = Row(start + r, kvHead, group);
                            var blockMax = float.NegativeInfinity;
                            for (var j = 0; j < cols; j++)
                            {
                                p[j] = x.Score(b, head, query, c0 + j);
                                blockMax = MathF.Max(blockMax, p[j]);
                            }

                            if (float.IsNegativeInfinity(blockMax))
                                continue; // this row's keys in the block are all masked: nothing to add
                            var newMax = MathF.Max(max[r], blockMax);
                            var alpha = MathF.Exp(max[r] - newMax); // exp(−∞) = 0 on the row's first live block
                            float blockSum = 0;
                            for (var j = 0; j < cols; j++)
                            {
                                p[j] = MathF.Exp(p[j] - newMax);
                                blockSum += p[j];
                            }

                            sum[r] = sum[r] * alpha + blockSum;
                            max[r] = newMax;
                            for (var e = 0; e < d; e++)
                            {
                                float pv = 0;
                                for (var j = 0; j < cols; j++)
                                    pv += p[j] * x.V(b, head, c0 + j, e);
                                acc[r * d + e] = acc[r * d + e] * alpha + pv;
                            }
                        }
                    }

                    for (var r = 0; r < rows; r++)
                    {
                        var (head, query) = Row(start + r, kvHead, group);
                        var o = x.QBase(b, head, query);
                        var reciprocal = 1 / sum[r];
                        for (var e = 0; e < d; e++)
                            output[o + e] = acc[r * d + e] * reciprocal;
                    }
                }
            }
        }

        return output;
    }

    private static (int Head, int Query) Row(long stackedRow, int kvHead, int group) =>
        (kvHead * group + (int)(stackedRow % group), (int)(stackedRow / group));
}
