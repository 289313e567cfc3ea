using Sim.Core.Workloads;

namespace Sim.Core.Tests.Workloads;

public class VectorOpTests
{
    [Fact]
    public void Softmax_work_is_per_element_plus_one_reciprocal_per_row()
    {
        // 2 rows of 4: per element 1 max, 2 adds, 1 mul, 1 exp (x 8) + 2 row reciprocals (exp class).
        var op = new VectorOp("s", [], "softmax", [2, 4], 8, 4, 0);
        Assert.Equal(new VectorOps(8, 16, 8, 10), op.Work);
        Assert.Equal(0, op.MovedElements);
    }

    [Fact]
    public void Average_pool_combines_window_minus_one_inputs_and_scales_once_per_output()
    {
        // 10 outputs of a 3x3 window: 8 adds and 1 mul each.
        var op = new VectorOp("p", [], "avg_pool", [1, 10], 90, 9, 0);
        Assert.Equal(new VectorOps(0, 80, 10, 0), op.Work);
    }

    [Fact]
    public void Hard_swish_and_moves_count_as_documented()
    {
        Assert.Equal(new VectorOps(200, 100, 200, 0), new VectorOp("h", [], "hard_swish", [100], 100, 1, 0).Work);
        var transpose = new VectorOp("t", [], "transpose", [3, 5], 15, 1, 0);
        Assert.Equal(VectorOps.Zero, transpose.Work);
        Assert.Equal(15, transpose.MovedElements);
    }

    [Fact]
    public void Layer_norm_row_costs_follow_the_catalogue()
    {
        // 3 rows of 64: per element 4 adds, 3 muls (x 192); per row 1 add, 2 muls, 1 rsqrt.
        var op = new VectorOp("ln", [], "layer_norm", [3, 64], 192, 64, 128);
        Assert.Equal(new VectorOps(0, (4 * 192) + 3, (3 * 192) + 6, 3), op.Work);
    }

    [Fact]
    public void Problems_name_the_bad_field()
    {
        Assert.Contains("unknown vector function 'gelu2'", new VectorOp("x", [], "gelu2", [4], 4, 1, 0).Problem(), StringComparison.Ordinal);
        Assert.Contains("row length", new VectorOp("x", [], "softmax", [10], 10, 4, 0).Problem(), StringComparison.Ordinal);
        Assert.Contains("all positive", new VectorOp("x", [], "relu", [4, 0], 4, 1, 0).Problem(), StringComparison.Ordinal);
        Assert.Null(new VectorOp("x", [], "relu", [4, 2], 8, 1, 0).Problem());
    }

    [Fact]
    public void Every_catalogue_function_has_a_unique_name_and_its_class_shape()
    {
        Assert.Equal(VectorFunctions.All.Count, VectorFunctions.All.Select(f => f.Name).Distinct().Count());
        foreach (var f in VectorFunctions.All)
        {
            var work = f.Work(12, f.Class is VectorFunctionClass.Normalize or VectorFunctionClass.Reduce ? 3 : 1);
            Assert.True(f.Class == VectorFunctionClass.Move ? work.Total == 0 : work.Total > 0, f.Name);
        }
    }
}
