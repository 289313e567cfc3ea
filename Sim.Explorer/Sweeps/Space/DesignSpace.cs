using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// The archs a sweep may visit: a base arch and the swept axes, in grid order (outermost first). An assignment is one
/// value per axis, in axis order; <see cref="Resolve"/> turns it into the arch it describes. A strategy reaches any point
/// either by per-axis value index (<see cref="AtIndices"/>, discrete axes) or by unit coordinates
/// (<see cref="AtUnit"/>, any axis). Axes the spec does not sweep keep the base arch's value.
/// </summary>
public sealed record DesignSpace(ArchSpec Base, IReadOnlyList<SpaceAxis> Axes)
{
    /// <summary>Every axis has a finite value list, so the space can be enumerated as a grid.</summary>
    public bool IsFinite => Axes.All(a => a.Domain is DiscreteDomain);

    /// <summary>The number of grid points (saturating at <see cref="long.MaxValue"/>); only for a finite space.</summary>
    public long GridSize
    {
        get
        {
            long size = 1;
            foreach (var axis in Axes)
            {
                var count = ((DiscreteDomain)axis.Domain).Count;
                size = size > long.MaxValue / count ? long.MaxValue : size * count;
            }

            return size;
        }
    }

    /// <summary>Every assignment of a finite space, first axis outermost (the last axis varies fastest).</summary>
    public IEnumerable<object[]> Grid()
    {
        if (!IsFinite)
            throw new InvalidOperationException("a space with a continuous axis has no grid");
        var domains = Axes.Select(a => (DiscreteDomain)a.Domain).ToArray();
        var indices = new int[domains.Length];
        while (true)
        {
            yield return AtIndices(indices);
            var d = domains.Length - 1;
            while (d >= 0 && ++indices[d] == domains[d].Count)
                indices[d--] = 0;
            if (d < 0)
                yield break;
        }
    }

    /// <summary>The assignment with value <c>indices[i]</c> of discrete axis i.</summary>
    public object[] AtIndices(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        CheckArity(indices.Count);
        return [.. Axes.Select((a, i) => a.Domain is DiscreteDomain d
            ? d[indices[i]]
            : throw new InvalidOperationException($"axis '{a.Name}' is continuous: address it by unit coordinate"))];
    }

    /// <summary>The assignment at unit coordinates u ∈ [0, 1)^k, each mapped through its axis' domain.</summary>
    public object[] AtUnit(IReadOnlyList<double> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        CheckArity(u.Count);
        return [.. Axes.Select((a, i) => a.Domain.At(u[i]))];
    }

    /// <summary>The arch of one assignment: each axis applied to the base, in axis order, named as the sweep names archs.</summary>
    public ArchSpec Resolve(IReadOnlyList<object> assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        CheckArity(assignment.Count);
        var arch = Base;
        for (var i = 0; i < Axes.Count; i++)
            arch = Axes[i].Apply(arch, assignment[i]);
        return arch with { Name = ArchName(arch) };
    }

    /// <summary>A swept arch's name: its tile label, plus the PE variant when it is not the baseline MAC.</summary>
    public static string ArchName(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        return TileGrid.Of(arch.Tile).Label + (arch.Costs.Variant == PeVariant.Mac ? "" : "-" + arch.Costs.Variant.ToName());
    }

    private void CheckArity(int count)
    {
        if (count != Axes.Count)
            throw new ArgumentException($"an assignment has one value per axis ({Axes.Count}), not {count}");
    }
}
