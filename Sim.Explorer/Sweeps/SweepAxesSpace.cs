using Sim.Core.Workloads;
using Sim.Explorer.Search;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// The search space of a spec's axes (its <see cref="DesignSpace"/>): every axis with a choice to make — a list or range
/// of more than one value, or a continuous interval — takes one gene, decoded through the axis' own unit-interval map
/// (a discrete axis: the value at index ⌊u·count⌋; a continuous one: linear). A one-value axis takes no gene. rows,
/// cols and dataflow are separate axes, so a small change of a gene is a small change of the array. Every grid point
/// is reachable, and on a finite space every decoded point is a grid point.
/// </summary>
public sealed class SweepAxesSpace : ISearchSpace
{
    private readonly SweepSpec _spec;
    private readonly bool[] _takesGene;

    public SweepAxesSpace(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _takesGene = [.. spec.Space.Axes.Select(a => a.Domain is not DiscreteDomain { Count: 1 })];
    }

    public int Genes => _takesGene.Count(t => t);

    /// <summary>The names of the axes that take a gene, in gene order (for messages and docs).</summary>
    public IReadOnlyList<string> GeneAxes => [.. _spec.Space.Axes.Where((_, i) => _takesGene[i]).Select(a => a.Name)];

    public SweepPoint Decode(IReadOnlyList<double> genes, (string Path, Workload Workload) workload)
    {
        ArgumentNullException.ThrowIfNull(genes);
        if (genes.Count != Genes)
            throw new ArgumentException($"{genes.Count} genes given; this space has {Genes}", nameof(genes));
        var unit = new double[_takesGene.Length];
        int next = 0;
        for (int a = 0; a < unit.Length; a++)
            unit[a] = _takesGene[a] ? Math.Clamp(genes[next++], 0, Variation.MaxGene) : 0; // clamped: rounding can never step off a list
        return SweepPlan.ToPoint(_spec, 0, workload, _spec.Space.Resolve(_spec.Space.AtUnit(unit)));
    }

    /// <summary>⌊u·count⌋, kept inside the list for u at or beyond 1 (and below 0) — the index a discrete axis decodes to.</summary>
    public static int Pick(double gene, int count) => Math.Clamp((int)Math.Floor(gene * count), 0, count - 1);
}
