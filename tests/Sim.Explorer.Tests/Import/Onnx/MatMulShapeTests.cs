using Sim.Core.Config;
using Sim.Explorer.Import.Onnx;

namespace Sim.Explorer.Tests.Import.Onnx;

public class MatMulShapeTests
{
    [Fact]
    public void Batched_matmul_broadcasts_batch_dims()
    {
        // [2,1,4,8]·[3,8,5] → batch broadcast([2,1],[3]) = [2,3] → [2,3,4,5].
        var g = new TinyOnnx().Input("a", 2, 1, 4, 8).Input("b", 3, 8, 5)
            .Node("MatMul", ["a", "b"], ["y"]).Output("y").Infer();
        Assert.Equal([2, 3, 4, 5], g.Get("y").Shape);
    }

    [Fact]
    public void One_dimensional_operands_drop_their_added_dim()
    {
        var g = new TinyOnnx().Input("v", 8).Input("m", 2, 8, 5).Input("w", 8).Input("w5", 5)
            .Node("MatMul", ["v", "m"], ["vm"]).Node("MatMul", ["m", "w5"], ["mw"]).Node("MatMul", ["v", "w"], ["dot"])
            .Output("vm").Output("mw").Output("dot").Infer();
        Assert.Equal([2, 5], g.Get("vm").Shape);
        Assert.Equal([2, 8], g.Get("mw").Shape);
        Assert.Empty(g.Get("dot").Shape);
    }

    [Fact]
    public void Gemm_transposes_and_checks_c()
    {
        var g = new TinyOnnx().Input("a", 16, 4).Weight("b", 10, 16).Weight("c", 10)
            .Node("Gemm", ["a", "b", "c"], ["y"], ("transA", 1L), ("transB", 1L)).Output("y").Infer();
        Assert.Equal([4, 10], g.Get("y").Shape);
        Assert.Equal(TensorRole.Weight, g.Get("b").Role);
        Assert.Equal(TensorRole.GraphInput, g.Get("a").Role);
        Assert.Equal(TensorRole.Activation, g.Get("y").Role);
    }

    [Fact]
    public void Inner_dim_mismatch_is_an_error_naming_the_node()
    {
        var model = new TinyOnnx().Input("a", 4, 8).Input("b", 7, 5).Node("MatMul", ["a", "b"], ["y"]).Output("y");
        var e = Assert.Throws<SimInputException>(() => model.Infer());
        Assert.Matches(@"model\.onnx: node 'matmul0' \(MatMul\): inner dims differ: A 'a' \[4x8\] has K=8, B 'b' \[7x5\] has K=7\. Fix: ", e.Message);
    }
}
