using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Arch.Tests.LoopNest.LoopNestFixtures;

namespace Sim.Arch.Tests.LoopNest;

public class LoopNestModelTests
{
    [Fact]
    public void Weight_stationary_gemm_counts_derived_by_hand()
    {
        // GEMM M=8, N=4, K=6 on 2×2, weights stationary: rows ← K/3 = 2, cols ← N/2 = 2, each PE streams all 8 rows
        // of M; scratchpad loops N2 (outer) K3 (inner); everything fits, so DRAM sees each tensor once.
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 4, 6));
        var mapping = Mapping(DataSpace.Weights, Gemm(m: 8), Gemm(k: 2), Gemm(n: 2), Gemm(n: 2, k: 3), DimVector.Ones);
        var cost = LoopNestModel.Evaluate(problem, Array(2, 2), mapping);

        Assert.True(cost.Feasible, cost.Reason);
        Assert.Equal(192, cost.Macs);
        Assert.Equal(6, cost.Folds);                 // N2 · K3 array tiles
        Assert.Equal(8, cost.RegisterIterations);
        Assert.Equal(48, cost.ComputeCycles);        // 6 · (8 + 0 overhead)
        Assert.Equal(1.0, cost.Utilization);
        // DRAM: W 24 B, I 48 B once; outputs 32 written once (final, word width), no partial sums spilled.
        Assert.Equal(new DataSpaceValues(24, 48, 0), cost.DramReadBytes);
        Assert.Equal(new DataSpaceValues(0, 0, 32), cost.DramWriteBytes);
        // Scratchpad reads: each weight delivered once (24); inputs (2 rows of K per tile) every one of the
        // 48 iterations = 96 = 48 inputs × 2 N-folds; outputs: 2 per iteration = 96 updates, of which 96 − 32 read
        // back to accumulate (4 B partial sums) plus the 32 drained to DRAM: (64 + 32) · 4 = 384 B.
        Assert.Equal(new DataSpaceValues(24, 96, 384), cost.ScratchpadReadBytes);
        // Writes: W and I filled once; 96 output updates at 4 B.
        Assert.Equal(new DataSpaceValues(24, 48, 384), cost.ScratchpadWriteBytes);
        Assert.Equal(new DataSpaceValues(24, 48, 128), cost.ScratchpadTileBytes);
        // 1 fJ per MAC and per byte: 192 + (504 + 456) + 104.
        Assert.Equal(192 + 504 + 456 + 104, cost.EnergyFj);
    }

    [Theory]
    [InlineData(false, 16, 64)]   // DRAM loops P4 then N4 (N innermost): N doesn't index inputs, so the input tile changes 4 times, weights 16
    [InlineData(true, 64, 16)]    // N4 then M4 (M innermost): inputs change 16 times, weights 4
    public void Dram_loop_order_decides_which_tensor_is_reused(bool pInnermost, long inputFillBytes, long weightFillBytes)
    {
        // GEMM M=N=K=4 on a 1×1 array, outputs stationary, the PE streams K; scratchpad holds one (m, n) pair's operands.
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(4, 4, 4));
        var order = pInnermost ? new[] { LoopDim.N, LoopDim.K, LoopDim.P, LoopDim.C, LoopDim.Q, LoopDim.R, LoopDim.S }
                               : [LoopDim.N, LoopDim.P, LoopDim.K, LoopDim.C, LoopDim.Q, LoopDim.R, LoopDim.S];
        var mapping = Mapping(DataSpace.Outputs, Gemm(k: 4), DimVector.Ones, DimVector.Ones, DimVector.Ones, Gemm(m: 4, n: 4), dramOrder: order);
        var cost = LoopNestModel.Evaluate(problem, Array(1, 1), mapping);

        Assert.Equal(inputFillBytes, cost.DramReadBytes.Inputs);   // tile of 4 inputs × changes
        Assert.Equal(weightFillBytes, cost.DramReadBytes.Weights);
        Assert.Equal(0, cost.DramReadBytes.Outputs);               // every output finishes in the PE
        Assert.Equal(16, cost.DramWriteBytes.Outputs);
    }

    [Fact]
    public void Output_reuse_lost_across_a_dram_reduction_loop_spills_partial_sums()
    {
        // M=2, N=1, K=4; rows ← K/2; DRAM loops K2 (outer) then M2 (inner): each output's scratchpad tile is written
        // back after the first half of K and refilled for the second: 4 fills = 2 final writes (1 B) + 2 partial-sum
        // writes (4 B each), and 2 partial-sum reads.
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(2, 1, 4));
        var order = new[] { LoopDim.C, LoopDim.P, LoopDim.N, LoopDim.K, LoopDim.Q, LoopDim.R, LoopDim.S };
        var mapping = Mapping(DataSpace.Weights, DimVector.Ones, Gemm(k: 2), DimVector.Ones, DimVector.Ones, Gemm(m: 2, k: 2), dramOrder: order);
        var cost = LoopNestModel.Evaluate(problem, Array(2, 1), mapping);

        Assert.Equal(8, cost.DramReadBytes.Outputs);
        Assert.Equal(10, cost.DramWriteBytes.Outputs);
    }

    [Fact]
    public void Input_window_is_counted_exactly()
    {
        // Conv 1×1 channel, 6×6 input, 3×3 filter, stride 1 → P = Q = 4. A tile of 2 output rows × 4 cols with the
        // whole filter reads (2−1)+3 = 4 input rows × (4−1)+3 = 6 cols = 24 inputs; stride 2 on a 9×9 input, P=Q=4
        // (tile 2 rows): (2−1)·2+3 = 5 rows × (4−1)·2+3 = 9 cols = 45.
        var stride1 = LoopNestProblem.FromConv(new Conv2d("c", 6, 6, 3, 3, 1, 1, 1, 0, 1, []));
        Assert.Equal(24, stride1.Footprint(DataSpace.Inputs, new DimVector(1, 1, 1, 2, 4, 3, 3)));
        Assert.Equal(36, stride1.Size(DataSpace.Inputs));
        var stride2 = LoopNestProblem.FromConv(new Conv2d("c", 9, 9, 3, 3, 1, 1, 2, 0, 1, []));
        Assert.Equal(4, stride2.Bounds.P);
        Assert.Equal(45, stride2.Footprint(DataSpace.Inputs, new DimVector(1, 1, 1, 2, 4, 3, 3)));
    }

    [Fact]
    public void Infeasible_mappings_say_why()
    {
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 8, 8));
        var hierarchy = Array(2, 2, scratchpadBytes: 32);
        var tooWide = Mapping(DataSpace.Outputs, Gemm(k: 8), Gemm(m: 4), Gemm(n: 2), DimVector.Ones, Gemm(m: 2, n: 4));
        Assert.StartsWith("fan-out: 4 PEs along rows", LoopNestModel.Evaluate(problem, hierarchy, tooWide).Reason);

        var twoWords = Mapping(DataSpace.Outputs, Gemm(k: 8, n: 2), Gemm(m: 2), Gemm(n: 2), DimVector.Ones, Gemm(m: 4, n: 2));
        Assert.StartsWith("register: each PE would hold 2 outputs words", LoopNestModel.Evaluate(problem, hierarchy, twoWords).Reason);

        // Scratchpad tile M8 N2 K8 of inputs = 64 B > 32 B.
        var bigTile = Mapping(DataSpace.Outputs, Gemm(k: 8), Gemm(m: 2), Gemm(n: 2), Gemm(m: 4), Gemm(n: 4));
        Assert.StartsWith("scratchpad: the inputs tile is 64 B", LoopNestModel.Evaluate(problem, hierarchy, bigTile).Reason);

        var cube = LoopNestHierarchy.FromArch(ArchSpec.Default(new Cube3DSpec(4, 4, 4)));
        var ws = new LoopNestMapping(DataSpace.Weights, Gemm(m: 2), [Gemm(k: 4), Gemm(n: 4), Gemm(m: 4)], DimVector.Ones, Gemm(n: 2, k: 2), LoopDims.All, LoopDims.All);
        Assert.StartsWith("stationary: this tile holds outputs", LoopNestModel.Evaluate(problem, cube, ws).Reason);
    }

    [Fact]
    public void A_malformed_mapping_is_rejected()
    {
        var problem = LoopNestProblem.FromGemm("g", new GemmShape(8, 8, 8));
        var wrongProduct = Mapping(DataSpace.Outputs, Gemm(k: 4), Gemm(m: 2), Gemm(n: 2), DimVector.Ones, Gemm(m: 4, n: 4));
        var error = Assert.Throws<ArgumentException>(() => LoopNestModel.Evaluate(problem, Array(2, 2), wrongProduct));
        Assert.Contains("dim K: factors multiply to 4, not its bound 8", error.Message);
    }
}
