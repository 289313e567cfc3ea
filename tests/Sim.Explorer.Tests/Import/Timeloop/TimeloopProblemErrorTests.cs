using Sim.Core.Config;
using Sim.Explorer.Import.Timeloop;
using static Sim.Explorer.Tests.Import.Timeloop.TimeloopYamlText;

namespace Sim.Explorer.Tests.Import.Timeloop;

/// <summary>Every refusal names the file, the line, the field where it has one, what was found, and a fix.</summary>
public class TimeloopProblemErrorTests
{
    private static string Fails(string text)
    {
        var e = Assert.Throws<SimInputException>(() => TimeloopProblemImporter.Parse("prob.yaml", text));
        Assert.StartsWith("prob.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains(". Fix: ", e.Message, StringComparison.Ordinal);
        return e.Message;
    }

    private static string ValidInstance => CnnInstance(c: 3, m: 8, r: 3, s: 3, n: 1, p: 4, q: 4);

    [Fact]
    public void Unknown_instance_key_is_named_with_its_line()
    {
        var message = Fails(Cnn(ValidInstance + "\nWstrid: 2"));

        Assert.Contains("prob.yaml:31:5: field 'problem.instance.Wstrid': unknown key", message, StringComparison.Ordinal);
        Assert.Contains("Wstride", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_shape_key_is_refused()
    {
        var message = Fails(Cnn(ValidInstance).Replace("    dimensions:", "    dimension: [X]\n    dimensions:", StringComparison.Ordinal));

        Assert.Contains("field 'problem.shape.dimension': unknown key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_instance_dimension_is_named()
    {
        var message = Fails(Cnn(CnnInstance(3, 8, 3, 3, 1, 4, 4).Replace("Q: 4\n", "", StringComparison.Ordinal)));

        Assert.Contains("field 'problem.instance': no size for dimension Q of shape 'CNN_Layer'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P: 0", "0 is not positive")]
    [InlineData("P: -3", "-3 is not positive")]
    [InlineData("P: 2.5", "'2.5' is not an integer")]
    [InlineData("Wstride: 0", "0 is not positive")]
    public void Non_positive_sizes_and_coefficients_are_refused(string line, string problem)
    {
        var key = line.Split(':')[0];
        var instance = string.Join('\n', ValidInstance.Split('\n').Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? line : l));

        var message = Fails(Cnn(instance));

        Assert.Contains($"field 'problem.instance.{key}': {problem}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Density_section_is_refused_as_sparse()
    {
        var message = Fails("problem:\n  shape: gemm_ABZ\n  M: 2\n  N: 2\n  K: 2\n  commonDensity: 0.5\n");

        Assert.Contains("prob.yaml:6:", message, StringComparison.Ordinal);
        Assert.Contains("problem.commonDensity", message, StringComparison.Ordinal);
        Assert.Contains("dense Timeloop problems only", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_sliding_axes_are_a_3d_conv_sim_cannot_express()
    {
        const string Text = """
            problem:
              shape:
                name: conv3d
                dimensions: [R, S, T, P, Q, U]
                data_spaces:
                  - {name: W, projection: [[[R]], [[S]], [[T]]]}
                  - {name: I, projection: [[[R], [P]], [[S], [Q]], [[T], [U]]]}
                  - {name: O, projection: [[[P]], [[Q]], [[U]]], read_write: true}
              instance: {R: 3, S: 3, T: 3, P: 4, Q: 4, U: 4}
            """;

        var message = Fails(Text);

        Assert.Contains("prob.yaml:7:", message, StringComparison.Ordinal);
        Assert.Contains("'I' has 3 sliding (sum-of-products) axes", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_data_spaces_are_not_a_two_input_op()
    {
        const string Text = """
            problem:
              shape:
                name: abcz
                dimensions: [M, N, K]
                data_spaces:
                  - {name: A, projection: [[[M]], [[K]]]}
                  - {name: B, projection: [[[N]], [[K]]]}
                  - {name: C, projection: [[[M]], [[N]]]}
                  - {name: Z, projection: [[[M]], [[N]]], read_write: true}
              instance: {M: 2, N: 2, K: 2}
            """;

        var message = Fails(Text);

        Assert.Contains("prob.yaml:3:", message, StringComparison.Ordinal);
        Assert.Contains("has 4 data spaces (A, B, C, Z (read_write))", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_on_one_tensor_only_is_not_a_gemm()
    {
        const string Text = """
            problem:
              shape:
                name: rowsum
                dimensions: [M, N, K]
                data_spaces:
                  - {name: A, projection: [[[M]], [[K]], [[N]]]}
                  - {name: B, projection: [[[K]]]}
                  - {name: Z, projection: [[[M]]], read_write: true}
              instance: {M: 2, N: 3, K: 2}
            """;

        var message = Fails(Text);

        Assert.Contains("dimension 'N' indexes only 'A'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Elementwise_product_has_nothing_to_reduce()
    {
        var message = Fails("problem:\n  shape:\n    name: ew\n    dimensions: [M]\n    data_spaces:\n      - {name: A, projection: [[[M]]]}\n      - {name: B, projection: [[[M]]]}\n      - {name: Z, projection: [[[M]]], read_write: true}\n  instance: {M: 4}\n");

        Assert.Contains("nothing is reduced", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_outputs_are_refused()
    {
        var message = Fails(Cnn(ValidInstance).Replace("projection: [[[C]], [[M]], [[R]], [[S]]]", "projection: [[[C]], [[M]], [[R]], [[S]]]\n        read_write: true", StringComparison.Ordinal));

        Assert.Contains("Weights (read_write)", message, StringComparison.Ordinal);
        Assert.Contains("one output marked read_write", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coefficient_on_a_plain_axis_is_a_strided_access_not_a_conv()
    {
        var message = Fails(Cnn(CnnInstance(3, 8, 3, 3, 1, 4, 4, wstride: 2)).Replace("[[[N]], [[M]], [[Q]], [[P]]]", "[[[N]], [[M]], [[Q]], [[P, Wstride]]]", StringComparison.Ordinal));

        Assert.Contains("'Outputs' scales dimension 'P' by coefficient Wstride = 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unused_dimension_larger_than_one_is_refused()
    {
        var message = Fails("problem:\n  shape: gemm_ABZ\n  instance: {M: 2, N: 2, K: 2}\n".Replace("shape: gemm_ABZ", "shape:\n    name: g\n    dimensions: [M, N, K, T]\n    data_spaces:\n      - {name: A, projection: [[[M]], [[K]]]}\n      - {name: B, projection: [[[N]], [[K]]]}\n      - {name: Z, projection: [[[M]], [[N]]], read_write: true}", StringComparison.Ordinal).Replace("K: 2}", "K: 2, T: 3}", StringComparison.Ordinal));

        Assert.Contains("field 'problem.instance.T': dimension 'T' (size 3) indexes no data space", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Term_naming_neither_a_dimension_nor_a_coefficient_is_refused()
    {
        var message = Fails(Cnn(ValidInstance).Replace("[P, Wstride]", "[P, Wstrd]", StringComparison.Ordinal));

        Assert.Contains("field 'problem.shape.data_spaces[1].projection[2][1]': 'Wstrd' is neither a dimension", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_input_size_and_padding_are_refused()
    {
        var message = Fails(Cnn(ValidInstance + "\nW: 10\nWpad: 1"));

        Assert.Contains("field 'problem.instance.W': input W = 10 with Wpad = 1 gives ⌊(12 − 3)/1⌋ + 1 = 10 outputs, but the instance's output dimension is 4", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Padding_without_input_size_is_refused()
    {
        var message = Fails(Cnn(ValidInstance + "\nHpad: 1"));

        Assert.Contains("'Hpad' is given without 'H'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("problem:\n  shape: cnn-layer-depthwise\n  R: 1\n", "'cnn-layer-depthwise' is not one of Timeloop's built-in shapes")]
    [InlineData("problem:\n  version: 0.5\n  instance: {M: 1}\n", "version '0.5' is not one Sim reads")]
    [InlineData("architecture: {}\n", "field 'problem': required field is missing")]
    [InlineData("problme:\n  M: 1\n", "field 'problme': unknown key")]
    [InlineData("{{include_text('base.yaml')}}\nproblem:\n  instance: {M: 1}\n", "Jinja template")]
    [InlineData("problem:\n  <<<: *base\n  instance: {M: 1}\n", "not valid YAML")]
    [InlineData("problem: [1, 2]\n", "expected a mapping")]
    public void Malformed_files_are_refused(string text, string problem) =>
        Assert.Contains(problem, Fails(text), StringComparison.Ordinal);
}
