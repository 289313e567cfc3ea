using Sim.Core.Config;
using Sim.Core.Workloads.Llm;

namespace Sim.Core.Tests.Workloads.Llm;

public class LlmModelSpecTests
{
    [Theory]
    [InlineData("gpt3-7b", 32, 4096, 6.7e9)]
    [InlineData("gpt3-13b", 40, 5120, 13e9)]
    [InlineData("gpt3-30b", 48, 7168, 30e9)]
    [InlineData("gpt3-175b", 96, 12288, 175e9)]
    public void Gpt3_presets_have_12_L_E_squared_weights_within_a_few_percent_of_their_name(string name, int layers, int e, double nominal)
    {
        var m = LlmPresets.Find(name)!;
        Assert.Equal(layers, m.Layers);
        Assert.Equal(12L * e * e, m.WeightParamsPerLayer);
        Assert.Equal(12L * layers * e * e, m.WeightParams);
        // Embeddings (≈ 50k·E) are not counted: the layer weights alone are within 4% of the nominal size.
        Assert.InRange(m.WeightParams / nominal, 0.96, 1.0);
        Assert.Equal(128, m.HeadDim);
        Assert.Equal(4 * e, m.FfnDim);
    }

    [Fact]
    public void Gpt3_7b_tp4_device_share_of_a_layer_is_a_quarter_of_12_E_squared_fp16()
    {
        var m = LlmPresets.Gpt3Of7B;
        Assert.Equal(12L * 4096 * 4096 * 2 / 4, m.WeightBytesPerLayerPerDevice); // 100,663,296 B
        Assert.Equal(8, m.HeadsPerDevice);
        Assert.Equal(1024, m.QueryWidthPerDevice);
        Assert.Equal(3072, m.QkvColumnsPerDevice);
        Assert.Equal(4096, m.FfnColumnsPerDevice);
    }

    [Fact]
    public void Llama_7b_counts_three_swiglu_matrices()
    {
        var m = LlmPresets.Llama7B;
        // 4·E² attention + 3·E·11008 FFN = 67,108,864 + 135,266,304.
        Assert.Equal(202_375_168L, m.WeightParamsPerLayer);
        Assert.Equal(202_375_168L * 32, m.WeightParams); // 6.48e9; + 2·32000·4096 embeddings = 6.74e9 "7B"
    }

    [Fact]
    public void Gqa_weights_count_the_smaller_kv_projections()
    {
        var m = LlmPresets.Llama7B with { KvHeads = 8 };
        // Q and O: 2·E², K and V: 2·E·8·128.
        Assert.Equal(2L * 4096 * 4096 + 2L * 4096 * 1024 + 3L * 4096 * 11008, m.WeightParamsPerLayer);
        Assert.Equal(4096 + 2 * 1024, m.QkvColumnsPerDevice);
    }

    [Fact]
    public void Problems_name_the_field_and_a_fix()
    {
        var ex = Assert.Throws<SimInputException>(() => (LlmPresets.Gpt3Of7B with { TensorParallel = 3 }).Validated("model gpt3-7b"));
        Assert.Contains("tp: 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pp: 5", (LlmPresets.Gpt3Of7B with { PipelineStages = 5 }).Problem(), StringComparison.Ordinal);
        Assert.Contains("kv_heads", (LlmPresets.Gpt3Of7B with { KvHeads = 5 }).Problem(), StringComparison.Ordinal);
        Assert.Contains("layers", (LlmPresets.Gpt3Of7B with { Layers = 0 }).Problem(), StringComparison.Ordinal);
        Assert.All(LlmPresets.All, p => Assert.Null(p.Problem()));
    }
}
