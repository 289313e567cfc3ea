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
        Line(text, $"  option_extra_bytes: {I(allocation.OptionExtraBytes)}");
        Line(text, $"  objective_bytes: {I(allocation.ObjectiveBytes)}");
        Line(text, $"  best_bound_bytes: {I(allocation.BestBoundBytes)}");
        Line(text, $"  baseline: {{status: {baseline.Status.ToString().ToLowerInvariant()}, non_compulsory_bytes: {I(baseline.NonCompulsoryBytes)}, objective_bytes: {I(baseline.ObjectiveBytes)}}}");
        if (allocation.HasSolution)
        {
            Line(text, "  order: [" + string.Join(", ", allocation.Order.Select(o => Quote(graph.Operators[o].Name))) + "]");
            Line(text, "  options:");
            foreach (var op in graph.Operators)
                Line(text, $"    {Quote(op.Name)}: {Quote(op.Options[allocation.ChosenOption[op.Id]].Label)}");
        }

        return text.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

/// <summary>The CLI names of <see cref="OrderMode"/>.</summary>
public static class OrderModes
{
    public static string ToName(OrderMode mode) => mode switch
    {
        OrderMode.Given => "given",
        OrderMode.MinPeak => "min-peak",
        OrderMode.Joint => "joint",
        OrderMode.Window => "window",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string? text, out OrderMode mode)
    {
        foreach (var candidate in Enum.GetValues<OrderMode>())
        {
            if (string.Equals(ToName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }
}
