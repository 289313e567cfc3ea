using CsCheck;
using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Explorer.Import.Timeloop;
using static Sim.Explorer.Tests.Import.Timeloop.TimeloopYamlText;

namespace Sim.Explorer.Tests.Import.Timeloop;

public class TimeloopProblemImporterTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Import", "Timeloop", "Fixtures", name);

    private static Conv2d SingleConv(Workload workload) => Assert.IsType<Conv2d>(Assert.Single(workload.Ops));

    private static Gemm SingleGemm(Workload workload) => Assert.IsType<Gemm>(Assert.Single(workload.Ops));

    [Fact]
    public void Cnn_layer_with_stride_and_dilation_becomes_a_conv_over_the_touched_input()
    {
        var text = Cnn(CnnInstance(c: 3, m: 8, r: 3, s: 5, n: 2, p: 7, q: 6, wstride: 2, hstride: 1, wdilation: 1, hdilation: 2));

        var workload = TimeloopProblemImporter.Parse("layer7.yaml", text);

        var conv = SingleConv(workload);
        Assert.Equal("layer7", workload.Name);
        Assert.Equal("layer7", conv.Name);
        // R, P, Wstride, Wdilation index the input's first sliding axis (width); S, Q, H* the second (height).
        // Width: (P − 1)·Wstride + (R − 1)·Wdilation + 1 = 6·2 + 2·1 + 1 = 15; height: 5·1 + 4·2 + 1 = 14.
        Assert.Equal((14L, 15L, 5L, 3L), (conv.IfmapH, conv.IfmapW, conv.FilterH, conv.FilterW));
        Assert.Equal((1L, 2L, 2L, 1L), (conv.Stride, conv.StrideW, conv.DilationH, conv.DilationW));
        Assert.Equal((3L, 8L, 2L, 1L), (conv.Channels, conv.Filters, conv.Batch, conv.Groups));
        Assert.Equal(ConvPads.Uniform(0), conv.Pads);
        Assert.Equal((6L, 7L), (conv.OfmapH, conv.OfmapW));
        Assert.Equal(3L * 8 * 3 * 5 * 2 * 7 * 6, conv.Macs);
    }

    [Fact]
    public void Cnn_layers_of_random_sizes_keep_the_instance_output_size_and_macs()
    {
        Gen.Select(Gen.Long[1, 5].Array[7], Gen.Long[1, 3].Array[4]).Sample(t =>
        {
            var (d, k) = t;
            var conv = SingleConv(TimeloopProblemImporter.Parse("p.yaml",
                Cnn(CnnInstance(d[0], d[1], d[2], d[3], d[4], d[5], d[6], k[0], k[1], k[2], k[3]))));
            return conv.OfmapW == d[5] && conv.OfmapH == d[6] && conv.Macs == d.Aggregate(1L, (a, x) => a * x);
        });
    }

    [Fact]
    public void Gemm_is_recognised_by_its_projections_whatever_the_names_and_order()
    {
        const string Text = """
            problem:
              version: 0.4
              shape:
                name: my_matmul
                dimensions: [rows, depth, cols]
                data_spaces:
                  - name: Out
                    projection: [[[cols]], [[rows]]]
                    read_write: True
                  - name: X
                    projection: [[[depth]], [[rows]]]
                  - name: Y
                    projection: [[[cols]], [[depth]]]
              instance: {rows: 12, depth: 7, cols: 5}
            """;

        var gemm = SingleGemm(TimeloopProblemImporter.Parse("mm.yaml", Text));

        // A is the first input listed (X), so M = rows, N = cols, K = depth.
        Assert.Equal((12L, 5L, 7L, 1L), (gemm.M, gemm.N, gemm.K, gemm.Batch));
        Assert.Equal(12L * 7 * 5, gemm.Macs);
    }

    [Fact]
    public void A_dimension_in_all_three_tensors_batches_a_gemm()
    {
        const string Text = """
            problem:
              shape:
                name: bmm
                dimensions: [H, M, N, K]
                data_spaces:
                  - {name: Q, projection: [[[H]], [[M]], [[K]]]}
                  - {name: Kt, projection: [[[H]], [[K]], [[N]]]}
                  - {name: S, projection: [[[H]], [[M]], [[N]]], read_write: true}
              instance: {H: 8, M: 16, N: 16, K: 64}
            """;

        var gemm = SingleGemm(TimeloopProblemImporter.Parse("bmm.yaml", Text));

        Assert.Equal((16L, 16L, 64L, 8L), (gemm.M, gemm.N, gemm.K, gemm.Batch));
        Assert.Equal(8L * 16 * 16 * 64, gemm.Macs);
    }

    [Fact]
    public void A_group_dimension_in_all_three_tensors_makes_a_grouped_conv()
    {
        // Depthwise 3×3 over 16 channels, as timeloop-accelergy-exercises' layer_shapes/problem_base.yaml writes it (G).
        const string Text = """
            problem:
              version: 0.4
              shape:
                name: grouped
                dimensions: [C, M, R, S, N, P, Q, G]
                data_spaces:
                  - {name: Weights, projection: [[[C]], [[M]], [[R]], [[S]], [[G]]]}
                  - {name: Inputs, projection: [[[N]], [[C]], [[R], [P]], [[S], [Q]], [[G]]]}
                  - {name: Outputs, projection: [[[N]], [[M]], [[Q]], [[P]], [[G]]], read_write: true}
              instance: {C: 1, M: 1, R: 3, S: 3, N: 1, P: 112, Q: 112, G: 16}
            """;

        var conv = SingleConv(TimeloopProblemImporter.Parse("dw.yaml", Text));

        Assert.Equal((16L, 16L, 16L), (conv.Channels, conv.Filters, conv.Groups));
        Assert.Equal((114L, 114L, 112L, 112L), (conv.IfmapH, conv.IfmapW, conv.OfmapH, conv.OfmapW));
        Assert.Equal(16L * 9 * 112 * 112, conv.Macs);
    }

    [Fact]
    public void Legacy_form_without_shape_is_timeloops_builtin_cnn_layer()
    {
        const string Text = "problem:\n  R: 3\n  S: 1\n  P: 10\n  Q: 4\n  C: 2\n  K: 5\n  N: 1\n  Wstride: 2\n";

        var conv = SingleConv(TimeloopProblemImporter.Parse("old.yaml", Text));

        // Built-in cnn-layer: K is the output channels; unset Hstride and dilations take their default 1.
        Assert.Equal((4L, 21L, 1L, 3L, 2L, 5L), (conv.IfmapH, conv.IfmapW, conv.FilterH, conv.FilterW, conv.Channels, conv.Filters));
        Assert.Equal((1L, 2L), (conv.Stride, conv.StrideW));
        Assert.Equal(3L * 1 * 10 * 4 * 2 * 5, conv.Macs);
    }

    [Fact]
    public void Legacy_form_may_name_a_builtin_shape()
    {
        var gemm = SingleGemm(TimeloopProblemImporter.Parse("g.yaml", "problem:\n  shape: gemm_ABZ\n  M: 4\n  N: 6\n  K: 9\n"));
        var conv = SingleConv(TimeloopProblemImporter.Parse("c.yaml", "problem:\n  shape: cnn-layer.yaml\n  instance: {R: 1, S: 1, P: 2, Q: 2, C: 3, K: 4, N: 5}\n"));

        Assert.Equal((4L, 6L, 9L), (gemm.M, gemm.N, gemm.K));
        Assert.Equal(1L * 1 * 2 * 2 * 3 * 4 * 5, conv.Macs);
    }

    [Fact]
    public void Older_hyphenated_keys_and_coefficient_first_terms_are_read()
    {
        // Timeloop's problem-shapes/cnn-layer.yaml spells 'data-spaces' and 'read-write'; terms may name the coefficient first.
        const string Text = """
            problem:
              shape:
                name: CNN-Layer
                dimensions: [R, S, P, Q, C, K, N]
                coefficients: [{name: Wstride, default: 1}, {name: Hstride, default: 3}]
                data-spaces:
                  - {name: Weights, projection: [[[C]], [[K]], [[R]], [[S]]]}
                  - {name: Inputs, projection: [[[N]], [[C]], [[R], [Wstride, P]], [[S], [Q, Hstride]]]}
                  - {name: Outputs, projection: [[[N]], [[K]], [[Q]], [[P]]], read-write: True}
              instance: {R: 2, S: 2, P: 3, Q: 3, C: 1, K: 1, N: 1, Wstride: 2}
            """;

        var conv = SingleConv(TimeloopProblemImporter.Parse("old.yaml", Text));

        // Width: (3 − 1)·2 + 2 = 6 (instance Wstride 2); height: (3 − 1)·3 + 2 = 8 (Hstride's default 3).
        Assert.Equal((8L, 6L, 3L, 2L), (conv.IfmapH, conv.IfmapW, conv.Stride, conv.StrideW));
        Assert.Equal((3L, 3L), (conv.OfmapH, conv.OfmapW));
    }

    [Fact]
    public void Real_alexnet_layer2_from_the_timeloop_exercises()
    {
        var conv = SingleConv(TimeloopProblemImporter.Load(Fixture("AlexNet_layer2.yaml")));

        // P = Q = 27 outputs of a 5×5 stride-1 window: (27 − 1) + (5 − 1) + 1 = 31 input pixels (AlexNet's 27 + 2·2 padding).
        Assert.Equal((31L, 31L, 5L, 5L, 96L, 256L), (conv.IfmapH, conv.IfmapW, conv.FilterH, conv.FilterW, conv.Channels, conv.Filters));
        Assert.Equal((27L, 27L), (conv.OfmapH, conv.OfmapW));
        Assert.Equal(96L * 256 * 5 * 5 * 27 * 27, conv.Macs);
    }

    [Fact]
    public void Real_default_problem_uses_timeloopfes_input_size_and_padding()
    {
        var conv = SingleConv(TimeloopProblemImporter.Load(Fixture("default_problem.yaml")));

        // W = H = 224 with pad 1, 3×3 stride 2: ⌊(226 − 3)/2⌋ + 1 = 112 = P = Q.
        Assert.Equal((224L, 224L, 2L, 2L), (conv.IfmapH, conv.IfmapW, conv.Stride, conv.StrideW));
        Assert.Equal(ConvPads.Uniform(1), conv.Pads);
        Assert.Equal((112L, 112L), (conv.OfmapH, conv.OfmapW));
        Assert.Equal(3L * 32 * 3 * 3 * 112 * 112, conv.Macs);
    }

    [Fact]
    public void Real_conv1d_tutorial_problem_is_a_one_row_conv()
    {
        var conv = SingleConv(TimeloopProblemImporter.Load(Fixture("conv1d+oc.prob.yaml")));

        // Inputs[R + P] (no coefficients: stride and dilation 1): 16 + 3 − 1 = 18 inputs; no channel dimension.
        Assert.Equal((1L, 18L, 1L, 3L, 1L, 32L), (conv.IfmapH, conv.IfmapW, conv.FilterH, conv.FilterW, conv.Channels, conv.Filters));
        Assert.Equal(32L * 3 * 16, conv.Macs);
    }

    [Fact]
    public void Real_dot_product_is_a_gemm_with_one_output()
    {
        var gemm = SingleGemm(TimeloopProblemImporter.Load(Fixture("dot_product.yaml")));

        Assert.Equal((1L, 1L, 16L), (gemm.M, gemm.N, gemm.K));
    }

    [Fact]
    public void Real_legacy_eyeriss_problem_from_timeloop_itself()
    {
        var conv = SingleConv(TimeloopProblemImporter.Load(Fixture("eyeriss-256-split-problem.yaml")));

        Assert.Equal((58L, 58L, 3L, 3L, 256L, 256L), (conv.IfmapH, conv.IfmapW, conv.FilterH, conv.FilterW, conv.Channels, conv.Filters));
        Assert.Equal(256L * 256 * 3 * 3 * 56 * 56, conv.Macs);
    }

    [Fact]
    public void Real_sparse_problem_is_refused_at_its_density_section()
    {
        var e = Assert.Throws<SimInputException>(() => TimeloopProblemImporter.Load(Fixture("M1024-K512-N256.yaml")));

        Assert.Contains("M1024-K512-N256.yaml:7:", e.Message, StringComparison.Ordinal);
        Assert.Contains("problem.instance.densities", e.Message, StringComparison.Ordinal);
        Assert.Contains("sparse", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var e = Assert.Throws<SimInputException>(() => TimeloopProblemImporter.Load("no/such/problem.yaml"));
        Assert.Contains("no/such/problem.yaml: file not found", e.Message, StringComparison.Ordinal);
    }
}
