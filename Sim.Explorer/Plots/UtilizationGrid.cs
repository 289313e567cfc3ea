using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// One workload's best utilization over two swept parameters: <c>Values[r, c]</c> is the max
/// <see cref="PointRow.Utilization"/> over all ok rows whose <see cref="RowAxis"/> value is <c>RowValues[r]</c> and
/// <see cref="ColAxis"/> value <c>ColValues[c]</c> (i.e. over the other swept parameters), NaN where no ok row exists.
/// The axes list every value swept for the workload, infeasible ones included, so a blank cell shows a hole in the
/// sweep rather than a missing column. The default axes are the array's rows × cols.
/// </summary>
public sealed record UtilizationGrid(string Workload, HeatmapAxis RowAxis, HeatmapAxis ColAxis, string[] RowValues, string[] ColValues, double[,] Values)
{
    /// <summary>Grids over rows × cols for workloads that have at least one ok row, in ordinal name order.</summary>
    public static IReadOnlyList<UtilizationGrid> Build(IReadOnlyList<PointRow> rows) => Build(rows, HeatmapAxis.Rows, HeatmapAxis.Cols);

    public static IReadOnlyList<UtilizationGrid> Build(IReadOnlyList<PointRow> rows, HeatmapAxis rowAxis, HeatmapAxis colAxis)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rowAxis);
        ArgumentNullException.ThrowIfNull(colAxis);
        return [.. rows.GroupBy(r => r.Workload, StringComparer.Ordinal)
            .Where(g => g.Any(RowStatus.IsOk))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, [.. g], rowAxis, colAxis))];
    }

    private static UtilizationGrid Of(string workload, List<PointRow> rows, HeatmapAxis rowAxis, HeatmapAxis colAxis)
    {
        var rowValues = rowAxis.Values(rows);
        var colValues = colAxis.Values(rows);
        var values = new double[rowValues.Length, colValues.Length];
        for (int r = 0; r < rowValues.Length; r++)
        {
            for (int c = 0; c < colValues.Length; c++)
                values[r, c] = double.NaN;
        }

        foreach (var row in rows.Where(RowStatus.IsOk))
        {
            int r = Array.IndexOf(rowValues, rowAxis.Text(row));
            int c = Array.IndexOf(colValues, colAxis.Text(row));
            if (double.IsNaN(values[r, c]) || row.Utilization > values[r, c])
                values[r, c] = row.Utilization;
        }

        return new UtilizationGrid(workload, rowAxis, colAxis, rowValues, colValues, values);
    }
}
