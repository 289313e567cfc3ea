using Sim.Explorer.Analysis;

namespace Sim.Explorer.Results;

/// <summary>Splits each ok point's totals into the <see cref="BreakdownRow"/>s of breakdown.csv.</summary>
public static class Breakdowns
{
    public const string Latency = "latency_cycles";
    public const string Energy = "energy_pj";
    public const string Dram = "dram_bytes";
    public const string Sram = "sram_words";
    public const string LatencyByOpKind = "latency_by_op_kind";

    /// <summary>The metrics in file order, with their unit (<see cref="LatencyByOpKind"/> follows them).</summary>
    public static IReadOnlyList<(string Metric, string Unit)> Metrics { get; } =
        [(Latency, "cycles"), (Energy, "pJ"), (Dram, "B"), (Sram, "words"), (LatencyByOpKind, "cycles")];

    public static readonly string[] EnergyComponents = ["mac", "accumulator", "sram", "dram", "vector"];
    public static readonly string[] LatencyComponents = ["compute", "stall"];

    /// <summary>Rows for every ok point, in the points' order; <paramref name="layers"/> give the op-kind split.</summary>
    public static List<BreakdownRow> Of(IReadOnlyList<PointRow> points, IEnumerable<LayerRow> layers)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(layers);
        var layersByPoint = layers.ToLookup(l => l.PointId, StringComparer.Ordinal);
        var rows = new List<BreakdownRow>();
        foreach (var point in points.Where(RowStatus.IsOk))
            rows.AddRange(Of(point, layersByPoint[point.PointId]));
        return rows;
    }

    public static IEnumerable<BreakdownRow> Of(PointRow point, IEnumerable<LayerRow> layers)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(layers);
        BreakdownRow Row(string metric, string unit, string component, double value, double total) => new()
        {
            PointId = point.PointId,
            Workload = point.Workload,
            Metric = metric,
            Component = component,
            Value = value,
            Unit = unit,
            Share = total == 0 ? 0 : value / total,
        };

        double latency = point.LatencyCycles;
        yield return Row(Latency, "cycles", "compute", point.ComputeCycles, latency);
        yield return Row(Latency, "cycles", "stall", point.StallCycles, latency);

        double energy = point.EnergyPj;
        double[] energies = [point.EnergyMacPj, point.EnergyAccumulatorPj, point.EnergySramPj, point.EnergyDramPj, point.EnergyVectorPj];
        for (int i = 0; i < energies.Length; i++)
            yield return Row(Energy, "pJ", EnergyComponents[i], energies[i], energy);

        double dram = point.DramReadBytes + point.DramWriteBytes;
        yield return Row(Dram, "B", "read", point.DramReadBytes, dram);
        yield return Row(Dram, "B", "write", point.DramWriteBytes, dram);

        double sram = point.SramReadWords + point.SramWriteWords;
        yield return Row(Sram, "words", "read", point.SramReadWords, sram);
        yield return Row(Sram, "words", "write", point.SramWriteWords, sram);

        // Ordinal op-kind order, so the file does not depend on where in the network a kind first appears.
        foreach (var kind in layers.GroupBy(l => l.OpKind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return Row(LatencyByOpKind, "cycles", kind.Key, kind.Sum(l => l.TotalCycles), latency);
    }
}
