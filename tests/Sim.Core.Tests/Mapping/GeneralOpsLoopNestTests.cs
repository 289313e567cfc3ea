using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Mapping;

/// <summary>The loop nests of the imported-network GEMM ops, and their mapping-file entries.</summary>
public class GeneralOpsLoopNestTests
{
    /// <summary>16 → 16 channels in 4 groups, 3×3 at stride 2 (height) × 1 (width) over 8×8 with pads (1, 1, 1, 1):
    /// per group C = K = 4, P = ⌊(10 − 3)/2⌋ + 1 = 4, Q = ⌊(10 − 3)/1⌋ + 1 = 8.</summary>
    private static readonly Conv2d s_grouped = new("g", 8, 8, 3, 3, 16, 16, 2, 1, 1, []) { StrideW = 1, Groups = 4 };

    [Fact]
    public void A_grouped_conv_is_one_groups_nest_at_both_strides()
    {
        var p = LoopNestProblem.From(s_grouped)!;
        Assert.Equal(new DimVector(1, 4, 4, 4, 8, 3, 3), p.Bounds);
        Assert.Equal((2L, 1L, 4L, false), (p.StrideH, p.StrideW, p.Instances, p.IsGemm));
        Assert.Equal(s_grouped.Macs, p.Macs * p.Instances);
        // Depthwise: one channel and one filter per group.
        var dw = LoopNestProblem.From(new Conv2d("dw", 8, 8, 3, 3, 32, 32, 1, 1, 1, []) { Groups = 32 })!;
        Assert.Equal((new DimVector(1, 1, 1, 8, 8, 3, 3), 32L), (dw.Bounds, dw.Instances));
    }

    [Fact]
    public void Per_side_pads_only_change_the_output_extents()
    {
        // Pads (0, 0, 1, 1) on 8×8, 3×3, stride 1: padded 9×9 → P = Q = 7; the nest is otherwise a plain conv's.
        var conv = new Conv2d("c", 8, 8, 3, 3, 4, 8, 1, 0, 1, []) { Pads = new ConvPads(0, 0, 1, 1) };
        var p = LoopNestProblem.From(conv)!;
        Assert.Equal(new DimVector(1, 8, 4, 7, 7, 3, 3), p.Bounds);
        Assert.Equal(1, p.Instances);
    }

    [Fact]
    public void A_dilated_conv_and_a_transposed_conv_map_through_their_gemm_views()
    {
        // Dilation 2 on 16×16, 3×3, no padding: extent 5 → 12×12 outputs; per group (2 groups) M = 144, N = 4, K = 3·3·4.
        var dilated = new Conv2d("d", 16, 16, 3, 3, 8, 8, 1, 0, 1, []) { DilationH = 2, DilationW = 2, Groups = 2 };
        var p = LoopNestProblem.From(dilated)!;
        Assert.True(p.IsGemm);
        Assert.Equal((144L, 4L, 36L, 2L), (p.Bounds.P, p.Bounds.K, p.Bounds.C, p.Instances));
        Assert.Throws<ArgumentException>(() => LoopNestProblem.FromConv(dilated));

        var up = new ConvTranspose2d("u", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []) { Groups = 2 };
        var t = LoopNestProblem.From(up)!;
        Assert.True(t.IsGemm);
        Assert.Equal((16L, 16L, 4L, 2L), (t.Bounds.P, t.Bounds.K, t.Bounds.C, t.Instances));

        var batched = LoopNestProblem.From(new Gemm("b", 40, 40, 32) { Batch = 8 })!;
        Assert.Equal((40L, 40L, 32L, 8L), (batched.Bounds.P, batched.Bounds.K, batched.Bounds.C, batched.Instances));
        Assert.Null(LoopNestProblem.From(new VectorOp("v", [], "relu", [4], 4, 1, 0)));
        Assert.Null(LoopNestProblem.From(new OpaqueOp("o", [], "Foo", null, "r")));
    }

    private static string FileFor(Workload workload)
    {
        var entries = workload.Ops.Select(op => LoopNestProblem.From(op)!).Select(p => new LayerMappingEntry(p,
            new LoopNestMapping(DataSpace.Outputs, DimVector.Ones, [DimVector.Ones, DimVector.Ones], DimVector.Ones, p.Bounds, LoopDims.All, LoopDims.All), null));
        return MappingYamlWriter.Write(new MappingFile(workload.Name, "a", "latency", [.. entries]));
    }

    private static MappingTarget Target(Workload w) => new(w, ["rows", "cols"], DataSpaces.All);

    [Fact]
    public void A_mapping_file_records_the_width_stride_and_the_instances_and_reads_them_back()
    {
        var workload = new Workload("w", [s_grouped, new Gemm("b", 40, 40, 32, ["g"]) { Batch = 8 }]);
        var text = FileFor(workload);
        Assert.Contains("    stride: 2\n    stride_w: 1\n    instances: 4\n", text, StringComparison.Ordinal);
        Assert.Contains("    dims: {M: 40, N: 40, K: 32}\n    instances: 8\n", text, StringComparison.Ordinal);
        var read = MappingYaml.Parse("m.yaml", text, Target(workload));
        Assert.Equal(4, read.Layers[0].Problem.Instances);
        Assert.Equal(8, read.Layers[1].Problem.Instances);
        Assert.Equal(text, MappingYamlWriter.Write(read));

        // A plain conv's entry has neither line (older files read as before).
        var plain = new Workload("p", [new Conv2d("c", 8, 8, 3, 3, 4, 8, 1, 1, 1, [])]);
        Assert.DoesNotContain("instances", FileFor(plain), StringComparison.Ordinal);
        Assert.DoesNotContain("stride_w", FileFor(plain), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    instances: 4\n", "    instances: 2\n", "field 'layers[0].instances': instances is 2 here, but op 'g' of workload 'w' runs 4 (groups or batch entries)")]
    [InlineData("    instances: 4\n", "", "field 'layers[0].instances': instances is 1 here, but op 'g' of workload 'w' runs 4")]
    [InlineData("    stride_w: 1\n", "    stride_w: 2\n", "field 'layers[0].stride_w': the width stride is 2 here, but op 'g' has width stride 1")]
    [InlineData("    stride_w: 1\n", "", "field 'layers[0].stride_w': the width stride is 2 here, but op 'g' has width stride 1")]
    public void A_mapping_file_for_another_grouping_or_stride_is_refused(string line, string replacement, string message)
    {
        var workload = new Workload("w", [s_grouped]);
        var text = FileFor(workload).Replace(line, replacement, StringComparison.Ordinal);
        var e = Assert.Throws<SimInputException>(() => MappingYaml.Parse("m.yaml", text, Target(workload)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", e.Message, StringComparison.Ordinal);
    }
}
