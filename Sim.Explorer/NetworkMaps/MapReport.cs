using System.Globalization;
using Sim.Core.Hardware;
using Sim.Explorer.Results;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;
using Sim.Mapping.Network;
using Spectre.Console;

namespace Sim.Explorer.NetworkMaps;

/// <summary>What <c>sim map</c> prints: the per-layer table, the network summary and any layer left unmapped.</summary>
public static class MapReport
{
    public static Table LayerTable(NetworkMapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table();
        foreach (var header in new[] { "layer", "dims", "dataflow", "spatial", "latency", "util", "DRAM KB", "energy µJ", "status", "gap %", "solve s" })
            table.AddColumn(header is "latency" or "util" or "DRAM KB" or "energy µJ" or "gap %" or "solve s" ? new TableColumn(header).RightAligned() : new TableColumn(header));
        foreach (var op in result.Ops)
        {
            if (op.Layer is not { } layer)
            {
                table.AddRow(Markup.Escape(op.Op.Name), Markup.Escape(op.Op.Kind), "-", "own model", "", "", "", "", "", "", "");
                continue;
            }

            var row = MappedLayerRow.From(layer.Problem, layer.Mapping, layer.Cost, "", "", 0, 0, 0);
            var mapped = layer.Cost is { Feasible: true };
            table.AddRow(
                Markup.Escape(op.Op.Name),
                Markup.Escape(row.Dims),
                row.Dataflow,
                Markup.Escape(row.Spatial),
                mapped ? I(row.LatencyCycles) : "",
                mapped ? F(row.Utilization, "0.000") : "",
                mapped ? F(row.DramBytes / 1024.0, "0.0") : "",
                mapped ? F(row.EnergyPj / 1e6, "0.00") : "",
                layer.Status.ToString().ToLowerInvariant(),
                double.IsFinite(layer.GapPercent) ? F(layer.GapPercent, "0.00") : "",
                op.Reused ? "(same)" : F(layer.SolveSeconds, "0.00"));
        }

        return table;
    }

    public static IReadOnlyList<string> Summary(NetworkMapResult result, ArchSpec arch, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(arch);
        var layers = result.Ops.Where(o => o.Layer is not null).Select(o => o.Layer!).ToList();
        // Whole ops: a grouped conv's or batched GEMM's one-instance cost × its instances.
        var costs = result.Ops.Where(o => o.Layer?.Cost is { Feasible: true }).Select(o => o.Cost!).ToList();
        var distinct = result.Ops.Where(o => o.Layer is not null && !o.Reused).Select(o => o.Layer!).ToList();
        var times = distinct.Select(l => l.SolveSeconds).Order().ToList();
        var lines = new List<string>
        {
            Invariant($"layers: {costs.Count} of {layers.Count} GEMM/conv layers mapped ({distinct.Count} distinct, {distinct.Count(l => l.Status == MapStatus.Optimal)} proven optimal); ")
                + Invariant($"sum of layer latencies {costs.Sum(c => c.LatencyCycles):N0} cycles, layer DRAM traffic {costs.Sum(c => c.DramBytes) / 1048576.0:0.00} MiB, energy {costs.Sum(c => c.EnergyPj) / 1e6:0.00} µJ"),
            Invariant($"solve: {times.Sum():0.00} s for {times.Count} distinct layers (median {Median(times):0.000} s, max {(times.Count == 0 ? 0 : times[^1]):0.00} s)"),
        };

        var compared = result.Ops.Where(o => o.Heuristic is { Feasible: true } && o.Layer?.Cost is { Feasible: true }).ToList();
        if (compared.Count > 0)
        {
            long heuristicCycles = compared.Sum(o => o.HeuristicCost!.LatencyCycles), optimalCycles = compared.Sum(o => o.Cost!.LatencyCycles);
            double heuristicPj = compared.Sum(o => o.HeuristicCost!.EnergyPj), optimalPj = compared.Sum(o => o.Cost!.EnergyPj);
            lines.Add(Invariant($"vs the best heuristic schedule per layer (classic OS/WS/IS unrollings, greedy tiling): {heuristicCycles:N0} → {optimalCycles:N0} cycles ({(double)heuristicCycles / optimalCycles:0.00}×), energy {heuristicPj / 1e6:0.00} → {optimalPj / 1e6:0.00} µJ ({heuristicPj / optimalPj:0.00}×)"));
        }

        var b = result.Budgets;
        lines.Add(Invariant($"graph budget {Bytes(budgetBytes)} (arch on-chip {Bytes(arch.OnChipBufferBytes)}); M_R {b.MinRequiredBytes:N0} B, all-resident min-peak M_P {b.MinPeakBytes:N0} B"));
        var ilp = result.Allocation;
        var baseline = result.Baseline;
        if (!ilp.HasSolution)
        {
            lines.Add($"graph allocation: {ilp.Status.ToString().ToLowerInvariant()}: {ilp.Reason}. Fix: {GraphFix(ilp, b, budgetBytes)}");
            return lines;
        }

        lines.Add(Invariant($"graph allocation (CP-SAT, {ilp.Status.ToString().ToLowerInvariant()}, {(ilp.HasBound ? $"gap {ilp.Gap:P1}" : "no bound")}): compulsory {ilp.CompulsoryReadBytes:N0} B read + {ilp.CompulsoryWriteBytes:N0} B written; ")
            + Traffic(ilp) + Invariant($"; mappings' weight/partial-sum/refetch traffic {ilp.OptionExtraBytes:N0} B"));
        lines.Add(baseline.HasSolution
            ? "baseline (greedy arena + Belady): " + Traffic(baseline) + Invariant($"; total objective {baseline.ObjectiveBytes:N0} B → CP-SAT saves {Reduction(baseline.NonCompulsoryBytes, ilp.NonCompulsoryBytes)} of the non-compulsory bytes, {Reduction(baseline.ObjectiveBytes, ilp.ObjectiveBytes)} of the objective")
            : $"baseline (greedy arena + Belady): {baseline.Status.ToString().ToLowerInvariant()}: {baseline.Reason}");
        if (Unmapped(result).Count > 0)
            lines.Add("note: some GEMM/conv layers have no mapping; they count as atomic ops reading their weights once, so the totals above are incomplete");
        return lines;
    }

    /// <summary>Non-compulsory activation traffic by kind: the sum is what a bigger scratchpad would avoid.</summary>
    private static string Traffic(GraphAllocation a) => Invariant(
        $"non-compulsory {a.NonCompulsoryBytes:N0} B (spill {a.SpillBytes:N0} + reload {a.ReloadBytes:N0} + streamed read {a.StreamReadBytes:N0} + streamed write {a.StreamWriteBytes:N0})");

    private static string GraphFix(GraphAllocation allocation, GraphBudgets budgets, long budgetBytes) => allocation.Status switch
    {
        AllocationStatus.Unknown => "a longer --time-limit, or --order given/min-peak (the fixed-order model is the fastest)",
        _ when budgetBytes < budgets.MinRequiredBytes => Invariant($"give --scratchpad-kb at least {Math.Ceiling(budgets.MinRequiredBytes / 1024.0):0}"),
        _ => "every step fits but no address assignment does (fragmentation); try --order joint on small graphs, or a larger --scratchpad-kb",
    };

    private static string Bytes(long bytes) => bytes < 1024 ? Invariant($"{bytes} B") : Invariant($"{bytes / 1024.0:0.#} KB");

    /// <summary>One line per GEMM/conv layer without a mapping; mapping.yaml cannot be reloaded while any remains.</summary>
    public static IReadOnlyList<string> Unmapped(NetworkMapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Ops
            .Where(o => o.Layer is { } l && l.Cost is not { Feasible: true })
            .Select(o => $"layer '{o.Op.Name}': {o.Layer!.Status.ToString().ToLowerInvariant()}: {o.Layer.Reason}. mapping.yaml lacks it, so `sim run --mapping` will refuse the file. Fix: a larger scratchpad, or a longer --time-limit")];
    }

    private static string Reduction(long before, long after) =>
        before <= 0 ? "0 %" : (1 - ((double)after / before)).ToString("P1", CultureInfo.InvariantCulture);

    private static double Median(List<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string I(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
