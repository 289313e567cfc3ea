using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// The search space of a grid spec's discrete axes: each axis with more than one value takes one gene, and gene u picks
/// the value at index ⌊u·count⌋ (a one-value axis takes no gene and always gives its value). A systolic tile axis that
/// is a rows × cols × dataflow product (as the spec builds it) takes a gene per factor, so a small change of a gene is a
/// small change of the array rather than a jump through the flattened list. Every grid point is reachable, and every
/// decoded point is a grid point.
/// </summary>
public sealed class SweepAxesSpace : ISearchSpace
{
    private readonly SweepSpec _spec;
    private readonly List<Axis> _axes = [];
    private readonly int _tileRows, _tileCols, _tileDataflows;

    public SweepAxesSpace(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        var factors = SystolicFactors(spec.Tiles);
        (_tileRows, _tileCols, _tileDataflows) = factors ?? (spec.Tiles.Count, 1, 1);
        AddAxis(factors is null ? "tile" : "rows", _tileRows);
        AddAxis("cols", _tileCols);
        AddAxis("dataflow", _tileDataflows);
        AddAxis("pe_variant", spec.PeVariants.Count);
        AddAxis("ifmap_kb", spec.IfmapKb.Count);
        AddAxis("filter_kb", spec.FilterKb.Count);
        AddAxis("ofmap_kb", spec.OfmapKb.Count);
        AddAxis("dram_bandwidth_bytes_per_cycle", spec.DramBandwidthBytesPerCycle.Count);
    }

    public int Genes => _axes.Count(a => a.Count > 1);

    /// <summary>The names of the axes that take a gene, in gene order (for messages and docs).</summary>
    public IReadOnlyList<string> GeneAxes => [.. _axes.Where(a => a.Count > 1).Select(a => a.Name)];

    public SweepPoint Decode(IReadOnlyList<double> genes, (string Path, Workload Workload) workload)
    {
        ArgumentNullException.ThrowIfNull(genes);
        if (genes.Count != Genes)
            throw new ArgumentException($"{genes.Count} genes given; this space has {Genes}", nameof(genes));
        var index = new int[_axes.Count];
        int next = 0;
        for (int a = 0; a < _axes.Count; a++)
            index[a] = _axes[a].Count > 1 ? Pick(genes[next++], _axes[a].Count) : 0;
        var tile = _spec.Tiles[(index[0] * _tileCols + index[1]) * _tileDataflows + index[2]];
        var arch = SweepPlan.Arch(_spec, tile, _spec.PeVariants[index[3]], _spec.IfmapKb[index[4]], _spec.FilterKb[index[5]],
            _spec.OfmapKb[index[6]], _spec.DramBandwidthBytesPerCycle[index[7]]);
        return new SweepPoint(0, workload.Path, workload.Workload, arch, _spec.Mode);
    }

    /// <summary>⌊u·count⌋, kept inside the list for u at or beyond 1 (and below 0) so rounding can never step off it.</summary>
    public static int Pick(double gene, int count) => Math.Clamp((int)Math.Floor(gene * count), 0, count - 1);

    private void AddAxis(string name, int count) => _axes.Add(new Axis(name, count));

    /// <summary>
    /// (rows, cols, dataflows) when <paramref name="tiles"/> is exactly the systolic product in the spec's order (rows
    /// outer, dataflow inner); null otherwise (a <c>tile:</c> list), which then decodes as one flat axis.
    /// </summary>
    private static (int Rows, int Cols, int Dataflows)? SystolicFactors(IReadOnlyList<TileSpec> tiles)
    {
        if (tiles.Any(t => t is not SystolicSpec))
            return null;
        var systolic = tiles.Cast<SystolicSpec>().ToList();
        var rows = systolic.Select(t => t.Rows).Distinct().ToList();
        var cols = systolic.Select(t => t.Cols).Distinct().ToList();
        var dataflows = systolic.Select(t => t.Dataflow).Distinct().ToList();
        if (rows.Count * cols.Count * dataflows.Count != tiles.Count)
            return null;
        for (int i = 0; i < systolic.Count; i++)
        {
            var expected = new SystolicSpec(rows[i / (cols.Count * dataflows.Count)], cols[i / dataflows.Count % cols.Count], dataflows[i % dataflows.Count]);
            if (systolic[i] != expected)
                return null;
        }

        return (rows.Count, cols.Count, dataflows.Count);
    }

    private sealed record Axis(string Name, int Count);
}
