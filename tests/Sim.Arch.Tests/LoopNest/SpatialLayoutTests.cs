using CsCheck;
using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Arch.Tests.LoopNest.LoopNestFixtures;

namespace Sim.Arch.Tests.LoopNest;

/// <summary>Each tile kind executes only its realisable unrollings (<see cref="SpatialLayouts"/>); the model says why
/// it rejects the others (the unrollings the mapper picked before layouts existed).</summary>
public class SpatialLayoutTests
{
    private static readonly LoopNestProblem Conv1 = LoopNestProblem.FromConv(new Conv2d("conv1", 224, 224, 7, 7, 3, 64, 2, 3, 1, []));

    [Fact]
    public void Systolic_os_rejects_output_channels_on_rows_and_output_pixels_on_cols()
    {
        // tpu_like conv1 as mapped before layouts: OS with rows K32 | cols K2·P16. Weights move down the columns (so
        // must not vary along rows: K does), inputs along the rows (must not vary along cols: P does).
        var hierarchy = LoopNestHierarchy.FromArch(ArchSpec.Default(new SystolicSpec(32, 32, Dataflow.Os)));
        var illegal = Conv1Mapping(DataSpace.Outputs, new DimVector(1, 32, 1, 1, 1, 1, 1), new DimVector(1, 2, 1, 16, 1, 1, 1));
        Assert.Equal(
            "spatial: no layout of this tile unrolls rows {K} | cols {K,P} with outputs stationary; "
            + "it allows rows ⊆ {N,P,Q} | cols ⊆ {K} (OS)",
            LoopNestModel.Infeasibility(Conv1, hierarchy, illegal));

        // SCALE-Sim's OS (rows ← P·Q, cols ← K) is legal; its transpose is not (the edges that feed the operands are
        // fixed: inputs from the left, weights from the top).
        Assert.Null(LoopNestModel.Infeasibility(Conv1, hierarchy,
            Conv1Mapping(DataSpace.Outputs, new DimVector(1, 1, 1, 16, 2, 1, 1), new DimVector(1, 32, 1, 1, 1, 1, 1))));
        Assert.StartsWith("spatial: no layout of this tile unrolls rows {K} | cols {P,Q}", LoopNestModel.Infeasibility(Conv1, hierarchy,
            Conv1Mapping(DataSpace.Outputs, new DimVector(1, 32, 1, 1, 1, 1, 1), new DimVector(1, 1, 1, 16, 2, 1, 1))));
    }

    [Fact]
    public void Systolic_ws_and_is_put_only_the_reduction_where_partial_sums_flow()
    {
        var hierarchy = LoopNestHierarchy.FromArch(ArchSpec.Default(new SystolicSpec(32, 32, Dataflow.Ws)));
        var rowsC3R7 = new DimVector(1, 1, 3, 1, 1, 7, 1);
        // WS: rows ← C·R·S (partial sums go down the columns), cols ← K (inputs go along the rows).
        Assert.Null(LoopNestModel.Infeasibility(Conv1, hierarchy, Conv1Mapping(DataSpace.Weights, rowsC3R7, new DimVector(1, 32, 1, 1, 1, 1, 1))));
        // WS with P on cols: the input would have to change along the row it is forwarded on.
        Assert.StartsWith("spatial: no layout of this tile unrolls rows {C,R} | cols {P} with weights stationary",
            LoopNestModel.Infeasibility(Conv1, hierarchy, Conv1Mapping(DataSpace.Weights, rowsC3R7, new DimVector(1, 1, 1, 16, 1, 1, 1))));
        // IS: rows ← C·R·S, cols ← N·P·Q (weights move along the rows, so cols may not unroll K, which indexes them).
        Assert.Null(LoopNestModel.Infeasibility(Conv1, hierarchy, Conv1Mapping(DataSpace.Inputs, rowsC3R7, new DimVector(1, 1, 1, 16, 2, 1, 1))));
        Assert.StartsWith("spatial: no layout of this tile unrolls rows {C,R} | cols {K} with inputs stationary",
            LoopNestModel.Infeasibility(Conv1, hierarchy, Conv1Mapping(DataSpace.Inputs, rowsC3R7, new DimVector(1, 32, 1, 1, 1, 1, 1))));
    }

    [Fact]
    public void Adder_tree_rows_are_its_reduction()
    {
        // rows = tree width (a sum), cols = lanes (one output channel each), weights stationary.
        var hierarchy = LoopNestHierarchy.FromArch(ArchSpec.Default(new AdderTreeSpec(16, 64)));
        Assert.Equal(SpatialLayouts.AdderTree, hierarchy.Layouts);
        var kOnRows = Conv1Mapping(DataSpace.Weights, new DimVector(1, 64, 1, 1, 1, 1, 1), DimVector.Ones);
        Assert.Equal("spatial: no layout of this tile unrolls rows {K} | cols {} with weights stationary; it allows rows ⊆ {C,R,S} | cols ⊆ {K} (adder tree)",
            LoopNestModel.Infeasibility(Conv1, hierarchy, kOnRows));
        Assert.Null(LoopNestModel.Infeasibility(Conv1, hierarchy,
            Conv1Mapping(DataSpace.Weights, new DimVector(1, 1, 3, 1, 1, 7, 1), new DimVector(1, 16, 1, 1, 1, 1, 1))));
    }

    [Fact]
    public void Cube_depth_is_its_reduction()
    {
        var hierarchy = LoopNestHierarchy.FromArch(ArchSpec.Default(new Cube3DSpec(16, 16, 16)));
        var problem = LoopNestProblem.FromConv(new Conv2d("c", 8, 8, 3, 3, 16, 16, 1, 1, 1, []));
        LoopNestMapping Cube(DimVector depth) => new(DataSpace.Outputs, DimVector.Ones, [DimVector.Ones, DimVector.Ones, depth], DimVector.Ones,
            DimVector.From(d => problem.Bounds[d] / depth[d]), CanonicalOrder, CanonicalOrder);
        Assert.Equal("spatial: no layout of this tile unrolls rows {} | cols {} | depth {K,Q} with outputs stationary; it allows rows ⊆ {N,P,Q} | cols ⊆ {K} | depth ⊆ {C,R,S} (cube)",
            LoopNestModel.Infeasibility(problem, hierarchy, Cube(new DimVector(1, 8, 1, 1, 2, 1, 1))));
        Assert.Null(LoopNestModel.Infeasibility(problem, hierarchy, Cube(new DimVector(1, 1, 8, 1, 1, 1, 1))));
    }

    [Fact]
    public void Each_tile_kind_gets_its_layouts_and_gemms_name_dims_m_n_k()
    {
        Assert.Equal(3, LoopNestHierarchy.FromArch(ArchSpec.Default(new SystolicSpec(4, 4, Dataflow.Is))).Layouts!.Count);
        Assert.Equal(SpatialLayouts.Matrix2D, LoopNestHierarchy.FromArch(ArchSpec.Default(new Matrix2DSpec(4, 4))).Layouts);
        Assert.Equal(SpatialLayouts.Cube, LoopNestHierarchy.FromArch(ArchSpec.Default(new Cube3DSpec(2, 2, 2))).Layouts);
        // A hierarchy built directly has no layouts: any dims on any axis.
        Assert.Null(Array(2, 2).Layouts);

        var gemm = LoopNestProblem.FromGemm("g", new GemmShape(4, 4, 4));
        var matrix = Array(4, 4) with { Layouts = SpatialLayouts.Matrix2D, StationaryOptions = [DataSpace.Outputs] };
        var outerProducts = Mapping(DataSpace.Outputs, Gemm(k: 4), Gemm(m: 4), Gemm(n: 4), DimVector.Ones, DimVector.Ones);
        Assert.Null(LoopNestModel.Infeasibility(gemm, matrix, outerProducts));
        var kOnCols = Mapping(DataSpace.Outputs, DimVector.Ones, Gemm(m: 4), Gemm(k: 4), DimVector.Ones, Gemm(n: 4));
        Assert.Equal("spatial: no layout of this tile unrolls rows {M} | cols {K} with outputs stationary; it allows rows ⊆ {M} | cols ⊆ {N} (2-D matrix)",
            LoopNestModel.Infeasibility(gemm, matrix, kOnCols));
    }

    [Fact]
    public void Strided_windows_count_only_the_rows_they_read()
    {
        // ResNet-50 layer2.0.downsample: 1×1 filter, stride 2, 56×56 input → 28×28 outputs read 28×28 of the 56×56
        // pixels per channel (not the (28−1)·2 + 1 = 55 rows of the bounding box): 256·28·28 = 200,704 inputs.
        var downsample = LoopNestProblem.FromConv(new Conv2d("ds", 56, 56, 1, 1, 256, 512, 2, 0, 1, []));
        Assert.Equal(256 * 28 * 28, downsample.Size(DataSpace.Inputs));
        // conv1: 7-tap windows at stride 2 overlap: (112−1)·2 + 7 = 229 rows of the 230-row padded input.
        Assert.Equal(3 * 229 * 229, Conv1.Size(DataSpace.Inputs));
        // 3 outputs, 2 taps, stride 3: rows {0,1}, {3,4}, {6,7} = 6 = 3·2 (stride ≥ taps: disjoint windows).
        Assert.Equal(6, LoopNestProblem.WindowRows(3, 2, 3));
    }

    [Fact]
    public void Window_rows_equal_the_rows_a_brute_force_touches()
    {
        // Oracle: the set {p·s + r} over a block of p consecutive outputs and r consecutive taps at any offsets.
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 5], Gen.Int[0, 4], Gen.Int[0, 4]).Sample((p, r, s, p0, r0) =>
        {
            var rows = new HashSet<long>();
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j < r; j++)
                    rows.Add(((p0 + i) * s) + r0 + j);
            }

            return rows.Count == LoopNestProblem.WindowRows(p, r, s);
        });
    }

    private static LoopNestMapping Conv1Mapping(DataSpace stationary, DimVector rows, DimVector cols) =>
        Mapping(stationary, DimVector.Ones, rows, cols, DimVector.Ones,
            DimVector.From(d => Conv1.Bounds[d] / (rows[d] * cols[d])));
}
