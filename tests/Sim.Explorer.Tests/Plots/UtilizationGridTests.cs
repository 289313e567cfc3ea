using Sim.Explorer.Plots;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

public class UtilizationGridTests
{
    private static PointRow Row(string workload, int rows, int cols, string dataflow, double util, string status = "ok") =>
        new() { Workload = workload, Rows = rows, Cols = cols, Dataflow = dataflow, Utilization = util, Status = status };

    [Fact]
    public void Cells_hold_the_best_utilization_over_dataflows_and_blank_where_nothing_is_ok()
    {
        var rows = new List<PointRow>
        {
            Row("w", 8, 16, "os", 0.5), Row("w", 8, 16, "ws", 0.7), Row("w", 8, 16, "is", 0.9, status: "failed"),
            Row("w", 32, 8, "os", 0.4),
            Row("w", 32, 16, "os", 0.99, status: "infeasible"), // a swept shape with no ok point
        };

        var grid = Assert.Single(UtilizationGrid.Build(rows));

        Assert.Equal(["8", "32"], grid.RowValues); // numeric order, not "16" < "8"
        Assert.Equal(["8", "16"], grid.ColValues);
        Assert.True(double.IsNaN(grid.Values[0, 0])); // 8×8 never swept
        Assert.Equal(0.7, grid.Values[0, 1]);
        Assert.Equal(0.4, grid.Values[1, 0]);
        Assert.True(double.IsNaN(grid.Values[1, 1]));
    }

    [Fact]
    public void Workloads_without_ok_rows_get_no_panel_and_the_rest_come_in_name_order()
    {
        var rows = new List<PointRow>
        {
            Row("zeta", 8, 8, "os", 0.5), Row("broken", 8, 8, "os", 0, status: "failed"), Row("alpha", 8, 8, "os", 0.6),
        };

        Assert.Equal(["alpha", "zeta"], UtilizationGrid.Build(rows).Select(g => g.Workload));
    }

    [Fact]
    public void Any_two_axes_numeric_ones_in_number_order_cells_take_the_best_over_the_rest()
    {
        static PointRow R(string dataflow, double bandwidth, int rows, double util) =>
            new() { Workload = "w", Rows = rows, Cols = 8, Dataflow = dataflow, DramBandwidthBytesPerCycle = bandwidth, Utilization = util, Status = "ok" };
        var rows = new List<PointRow> { R("ws", 16, 8, 0.3), R("ws", 16, 32, 0.6), R("os", 4, 8, 0.2), R("ws", 4, 8, 0.1), R("os", 16, 8, 0.25) };

        var grid = Assert.Single(UtilizationGrid.Build(rows, HeatmapAxis.Find("dataflow")!, HeatmapAxis.Find("dram_bandwidth_bytes_per_cycle")!));

        Assert.Equal("dataflow", grid.RowAxis.Label);
        Assert.Equal(["os", "ws"], grid.RowValues);
        Assert.Equal(["4", "16"], grid.ColValues);
        Assert.Equal(0.2, grid.Values[0, 0]);
        Assert.Equal(0.25, grid.Values[0, 1]);
        Assert.Equal(0.1, grid.Values[1, 0]);
        Assert.Equal(0.6, grid.Values[1, 1]); // best over rows (8 and 32)
        Assert.Null(HeatmapAxis.Find("no_such_axis"));
    }
}
