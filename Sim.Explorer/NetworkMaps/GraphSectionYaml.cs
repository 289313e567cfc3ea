using System.Globalization;
using System.Text;
using Sim.Mapping.Graph;

namespace Sim.Explorer.NetworkMaps;

/// <summary>
/// The <c>graph:</c> section of mapping.yaml: the allocation's budget, status and traffic next to the baseline's, the
/// operator order and each operator's chosen option. A record of the decision (the addresses are in allocation.csv);
/// <c>sim run --mapping</c> reads only <c>layers:</c>.
/// </summary>
public static class GraphSectionYaml
{
    public static string Write(TensorGraph graph, GraphAllocation allocation, GraphAllocation baseline, long scratchpadBytes, OrderMode order)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(baseline);
        var text = new StringBuilder();
        Line(text, "graph:");
        Line(text, $"  scratchpad_bytes: {I(scratchpadBytes)}");
        Line(text, $"  order_mode: {OrderModes.ToName(order)}");
        Line(text, $"  status: {allocation.Status.ToString().ToLowerInvariant()}");
        if (allocation.Reason is { } reason)
            Line(text, $"  reason: \"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"");
        Line(text, $"  compulsory_read_bytes: {I(allocation.CompulsoryReadBytes)}");
        Line(text, $"  compulsory_write_bytes: {I(allocation.CompulsoryWriteBytes)}");
        Line(text, $"  non_compulsory_bytes: {I(allocation.NonCompulsoryBytes)}");
        Line(text, $"  spill_bytes: {I(allocation.SpillBytes)}");
        Line(text, $"  reload_bytes: {I(allocation.ReloadBytes)}");
        Line(text, $"  stream_read_bytes: {I(allocation.StreamReadBytes)}");
        Line(text, $"  stream_write_bytes: {I(allocation.StreamWriteBytes)}");
        Line(text, $"  option_extra_bytes: {I(allocation.OptionExtraBytes)}");
        Line(text, $"  objective_bytes: {I(allocation.ObjectiveBytes)}");
        Line(text, $"  best_bound_bytes: {I(allocation.BestBoundBytes)}");
        Line(text, $"  baseline: {{status: {baseline.Status.ToString().ToLowerInvariant()}, non_compulsory_bytes: {I(baseline.NonCompulsoryBytes)}, objective_bytes: {I(baseline.ObjectiveBytes)}}}");
        if (allocation.HasSolution)
        {
            Line(text, "  order: [" + string.Join(", ", allocation.Order.Select(o => Quote(graph.Operators[o].Name))) + "]");
            Line(text, "  options:");
            // A streamed option whose op ends up with all its tensors on chip streams nothing (a tie in bytes): say so.
            var stepOf = allocation.Order.Select((op, step) => (op, step)).ToDictionary(p => p.op, p => p.step);
            var streamingSteps = allocation.Traffic.Where(t => t.Kind is TrafficKind.StreamRead or TrafficKind.StreamWrite).Select(t => t.Step).ToHashSet();
            foreach (var op in graph.Operators)
            {
                var option = op.Options[allocation.ChosenOption[op.Id]];
                var idle = option.Streamed && !streamingSteps.Contains(stepOf[op.Id]);
                Line(text, $"    {Quote(op.Name)}: {Quote(option.Label + (idle ? " (streams nothing)" : ""))}");
            }
        }

        return text.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
