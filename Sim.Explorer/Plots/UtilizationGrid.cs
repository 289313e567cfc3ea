using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.Plots;

/// <summary>
/// One workload's best utilization per array shape: <c>Values[r, c]</c> is the max <see cref="PointRow.Utilization"/>
/// over all ok rows with <c>Rows == RowValues[r]</c> and <c>Cols == ColValues[c]</c> (i.e. over the other swept
/// parameters such as dataflow), NaN where no ok row exists. The axes list every shape swept for the workload,
/// infeasible ones included, so a blank cell shows a hole in the sweep rather than a missing column.
/// </summary>
public sealed record UtilizationGrid(string Workload, int[] RowValues, int[] ColValues, double[,] Values)
{
    /// <summary>Grids for workloads that have at least one ok row, in ordinal name order.</summary>
    public static IReadOnlyList<UtilizationGrid> Build(IReadOnlyList<PointRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.Workload, StringComparer.Ordinal)
            .Where(g => g.Any(RowStatus.IsOk))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, [.. g]))];
    }

    private static UtilizationGrid Of(string workload, List<PointRow> rows)
    {
        int[] rowValues = [.. rows.Select(r => r.Rows).Distinct().Order()];
        int[] colValues = [.. rows.Select(r => r.Cols).Distinct().Order()];
        var values = new double[rowValues.Length, colValues.Length];
        for (int r = 0; r < rowValues.Length; r++)
        {
            for (int c = 0; c < colValues.Length; c++)
                values[r, c] = double.NaN;
        }

        foreach (var row in rows.Where(RowStatus.IsOk))
        {
            int r = Array.BinarySearch(rowValues, row.Rows);
            int c = Array.BinarySearch(colValues, row.Cols);
            if (double.IsNaN(values[r, c]) || row.Utilization > values[r, c])
                values[r, c] = row.Utilization;
        }

        return new UtilizationGrid(workload, rowValues, colValues, values);
    }
}
