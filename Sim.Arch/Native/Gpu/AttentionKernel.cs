using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// Fused attention with an online softmax (FlashAttention's recurrence): one thread group per (batch, head, block of
/// <see cref="QueryBlock"/> queries), one thread per query row. The group walks the keys its rows can see in tiles of
/// <see cref="AttentionShape.KeyTile"/>: it stages the K and V tile in shared memory, each thread scores its query
/// against the tile (scale 1/√d), takes the tile maximum, rescales its running sum and output row by exp(old − new max)
/// and adds the tile's exp-weighted V rows. The output row lives in O (global) between tiles and is divided by the
/// running sum at the end. Query head h reads KV head h / (Heads / KvHeads) (MHA, GQA, MQA); a causal mask aligns the
/// last query with the last key (query i sees keys 0 … i + SeqKv − SeqQ), exactly as <see cref="Sim.Core.Workloads.Attention"/>.
/// </summary>
internal static class AttentionKernel
{
    public const int QueryBlock = 32;

    public const int MaxKeyTile = 32;

    /// <summary>Floats of K (and as many of V) staged per tile: 16 KiB each, within every CUDA GPU's 48 KiB static limit.</summary>
    public const int StagedFloats = 4096;

    public static KernelConfig Config(AttentionShape s) =>
        new(new Index3D((s.SeqQ + QueryBlock - 1) / QueryBlock, s.Heads, s.Batch), new Index3D(QueryBlock, 1, 1));

    public static void Run(ArrayView<float> q, ArrayView<float> k, ArrayView<float> v, ArrayView<float> o, AttentionShape s)
    {
        var kTile = SharedMemory.Allocate1D<float>(StagedFloats);
        var vTile = SharedMemory.Allocate1D<float>(StagedFloats);
        var scores = SharedMemory.Allocate1D<float>(QueryBlock * MaxKeyTile);
        int d = s.HeadDim, lane = Group.IdxX, head = Grid.IdxY, batch = Grid.IdxZ;
        var query = Grid.IdxX * QueryBlock + lane;
        var kvHead = head / (s.Heads / s.KvHeads);
        var rowBase = (((long)batch * s.Heads + head) * s.SeqQ + query) * d;
        var kvBase = ((long)batch * s.KvHeads + kvHead) * s.SeqKv * d;
        var active = query < s.SeqQ;
        var shift = s.SeqKv - s.SeqQ;
        var visible = s.Causal == 1 ? query + shift + 1 : s.SeqKv;

        // The block's last row sees the most keys; rows past SeqQ still stage tiles and meet every barrier.
        var lastQuery = XMath.Min(Grid.IdxX * QueryBlock + QueryBlock, s.SeqQ) - 1;
        var blockKeys = s.Causal == 1 ? lastQuery + shift + 1 : s.SeqKv;
        if (active)
        {
            for (var e = 0; e < d; e++)
                o[rowBase + e] = 0f;
        }

        var runningMax = float.NegativeInfinity;
        var runningSum = 0f;
        for (var key0 = 0; key0 < blockKeys; key0 += s.KeyTile)
        {
            var keys = XMath.Min(s.KeyTile, blockKeys - key0);
            for (var t = lane; t < keys * d; t += QueryBlock)
            {
                kTile[t] = k[kvBase + (long)key0 * d + t];
                vTile[t] = v[kvBase + (long)key0 * d + t];
            }

            Group.Barrier();
            var seen = active ? XMath.Clamp(visible - key0, 0, keys) : 0;
            var tileMax = float.NegativeInfinity;
            for (var j = 0; j < seen; j++)
            {
                var dot = 0f;
                for (var e = 0; e < d; e++)
                    dot += q[rowBase + e] * kTile[j * d + e];
                var score = dot * s.Scale;
                scores[lane * MaxKeyTile + j] = score;
                tileMax = XMath.Max(tileMax, score);
            }

            if (seen > 0)
            {
                var newMax = XMath.Max(runningMax, tileMax);
                var correction = XMath.Exp(runningMax - newMax);
                var tileSum = 0f;
                for (var j = 0; j < seen; j++)
                {
                    var p = XMath.Exp(scores[lane * MaxKeyTile + j] - newMax);
                    scores[lane * MaxKeyTile + j] = p;
                    tileSum += p;
                }

                for (var e = 0; e < d; e++)
                {
                    var acc = o[rowBase + e] * correction;
                    for (var j = 0; j < seen; j++)
                        acc += scores[lane * MaxKeyTile + j] * vTile[j * d + e];
                    o[rowBase + e] = acc;
                }

                runningSum = runningSum * correction + tileSum;
                runningMax = newMax;
            }

            Group.Barrier();
        }

        if (active)
        {
            for (var e = 0; e < d; e++)
                o[rowBase + e] /= runningSum;
        }
    }
}
