using System.Numerics;

namespace Sim.Arch.Folding;

/// <summary>The reduction tree of the cube and the multiplier-adder tree engines: its depth and its order of additions.</summary>
public static class BinaryAdderTree
{
    /// <summary>Adder levels that reduce <paramref name="leaves"/> values to one: ⌈log2 n⌉ (0 for one leaf).</summary>
    public static int Levels(int leaves)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(leaves);
        // ⌈log2 n⌉ = bit length of n − 1.
        return 32 - BitOperations.LeadingZeroCount((uint)(leaves - 1));
    }

    /// <summary>
    /// Each level adds neighbours (2i, 2i+1); an odd last node passes through unchanged, which is what padding the tree
    /// to a power of two with zero leaves computes. ⌈log2 n⌉ levels. Overwrites <paramref name="nodes"/>.
    /// </summary>
    public static T Sum<T>(T[] nodes)
        where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Length == 0)
            throw new ArgumentException("an adder tree has at least one leaf", nameof(nodes));
        for (var width = nodes.Length; width > 1; width = (width + 1) / 2)
        {
            for (var i = 0; i < width / 2; i++)
                nodes[i] = nodes[2 * i] + nodes[2 * i + 1];
            if (width % 2 == 1)
                nodes[width / 2] = nodes[width - 1];
        }

        return nodes[0];
    }
}
