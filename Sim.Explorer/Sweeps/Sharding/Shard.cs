using System.Globalization;
using Sim.Core.Config;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based). It owns the plan points whose plan index ≡ Index (mod Count):
/// round robin, because plan order groups points by workload (and then by tile), so contiguous blocks would hand one shard
/// all of the slow workload; round robin keeps every shard within one point of the others and mixes workloads evenly.
/// </summary>
public sealed record Shard
{
    public Shard(int index, int count)
    {
        if (count < 1 || index < 0 || index >= count)
            throw new ArgumentOutOfRangeException(nameof(index), $"shard {index}/{count}: need 0 <= index < count");
        Index = index;
        Count = count;
    }

    public int Index { get; }

    public int Count { get; }

    /// <summary>Whether the point at <paramref name="planIndex"/> belongs to this shard.</summary>
    public bool Owns(int planIndex) => planIndex % Count == Index;

    /// <summary>The shard that owns the point at <paramref name="planIndex"/> when the plan is split <paramref name="count"/> ways.</summary>
    public static int OwnerOf(int planIndex, int count) => planIndex % count;

    /// <summary>This shard's points, in plan order.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var mine = new List<T>(plan.Count / Count + 1);
        for (var i = Index; i < plan.Count; i += Count)
            mine.Add(plan[i]);
        return mine;
    }

    /// <summary>How many of a plan's <paramref name="planCount"/> points this shard owns.</summary>
    public long PointCount(long planCount) => planCount / Count + (Index < planCount % Count ? 1 : 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses "i/N" (0-based i &lt; N); <paramref name="source"/> names the flag or variable in the error.</summary>
    public static Shard Parse(string text, string source = "--shard")
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new SimInputException($"{source}: '{text}' is not a shard. Fix: write INDEX/COUNT with a 0-based index, e.g. --shard 0/4 … --shard 3/4");
        if (count < 1)
            throw new SimInputException($"{source}: '{text}' has a shard count of {count}. Fix: the count must be at least 1, e.g. --shard 0/4");
        if (index >= count)
            throw new SimInputException($"{source}: '{text}': shard index {index} is not below the count {count} (indices are 0-based). Fix: use 0/{count} … {count - 1}/{count}");
        return new Shard(index, count);
    }
}
