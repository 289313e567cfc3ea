using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>Sweep point ids: every field of the new op kinds changes the id; the shipped workloads' ids do not move.</summary>
public class GeneralOpsIdTests
{
    private static readonly ArchSpec s_arch = new("a", new SystolicSpec(8, 8, Dataflow.Os), new ScratchpadSpec(64, 64, 64), new DramSpec(16, 0), 1, 1);

    private static string Id(Op op, ArchSpec? arch = null) => new SweepPoint(0, "", new Workload("w", [op]), arch ?? s_arch, SimMode.Default).Id;

    [Fact]
    public void Every_field_that_changes_a_result_changes_the_id()
    {
        var conv = new Conv2d("c", 16, 16, 3, 3, 8, 8, 1, 1, 1, []);
        var variants = new Op[]
        {
            conv,
            conv with { StrideW = 2 },
            conv with { Pads = new ConvPads(1, 1, 2, 2) },
            conv with { Pads = new ConvPads(2, 1, 1, 2) },
            conv with { DilationH = 2 },
            conv with { DilationW = 2 },
            conv with { Groups = 2 },
            conv with { Groups = 8 },
            new Gemm("c", 16, 16, 16),
            new Gemm("c", 16, 16, 16) { Batch = 2 },
            new ConvTranspose2d("c", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []),
            new ConvTranspose2d("c", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []) { OutputPaddingH = 1 },
            new ConvTranspose2d("c", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []) { DilationW = 2 },
            new ConvTranspose2d("c", 4, 4, 2, 2, 8, 8, 2, 2, new ConvPads(0, 0, 1, 0), 1, []),
            new ConvTranspose2d("c", 4, 4, 2, 2, 8, 8, 2, 2, default, 1, []) { Groups = 2 },
            new VectorOp("c", [], "relu", [4, 4], 16, 1, 0),
            new VectorOp("c", [], "sigmoid", [4, 4], 16, 1, 0),
            new VectorOp("c", [], "relu", [2, 8], 16, 1, 0),
            new VectorOp("c", [], "relu", [4, 4], 32, 1, 0),
            new VectorOp("c", [], "relu", [4, 4], 16, 1, 4),
            new VectorOp("c", [], "max_pool", [4, 4], 64, 4, 0),
            new VectorOp("c", [], "max_pool", [4, 4], 64, 9, 0),
            new OpaqueOp("c", [], "Foo", null, "r"),
            new OpaqueOp("c", [], "Bar", null, "r"),
            new OpaqueOp("c", [], "Foo", [1, 2], "r"),
        };
        var ids = variants.Select(op => Id(op)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        // The vector unit joins the id of a workload with vector ops (not of a GEMM-only one).
        var relu = variants[15];
        Assert.NotEqual(Id(relu), Id(relu, s_arch with { Vector = VectorUnitSpec.Default with { Lanes = 64 } }));
        Assert.NotEqual(Id(relu), Id(relu, s_arch with { Vector = VectorUnitSpec.Default with { PjPerOp = 0.3 } }));
        Assert.Equal(Id(conv), Id(conv, s_arch with { Vector = VectorUnitSpec.Default with { Lanes = 64 } }));
    }

    /// <summary>Ids computed by the code before the new op kinds (commit 5d93a3e, through <c>sim run</c>'s layers.csv),
    /// on workloads/arch/tpu_like.yaml.</summary>
    [Theory]
    [InlineData("bert_base_encoder.yaml", "default", "19599fcfb33c8309")]
    [InlineData("bert_base_encoder_attention.yaml", "default", "ff4f28a50d6907e5")]
    [InlineData("bert_base_encoder_attention.yaml", "scalesim", "bfd4e44f7eabda3f")]
    [InlineData("gpt2_decoder_decode.yaml", "default", "3b68cfe470a977b2")]
    [InlineData("gpt2_decoder_decode_attention.yaml", "default", "077160b719bab649")]
    [InlineData("gpt2_decoder_prefill.yaml", "default", "13e87357918395b0")]
    [InlineData("gpt2_decoder_prefill_attention.yaml", "default", "ed168c71d82e6d98")]
    [InlineData("llama7b_decode_b8.yaml", "default", "5c4c9e0796db5ed1")]
    [InlineData("llama7b_decode_b8_attention.yaml", "default", "0f61711a87f07200")]
    [InlineData("resnet18.yaml", "default", "30ef6d19a8800a99")]
    [InlineData("resnet18.yaml", "scalesim", "ea86b9a30b5e815d")]
    [InlineData("resnet50.yaml", "default", "b81a3e232efe7f9f")]
    [InlineData("resnet50.yaml", "scalesim", "f23dd43eb515efff")]
    public void The_shipped_workloads_keep_their_ids(string workload, string mode, string id)
    {
        var arch = InputLoaders.LoadArch(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "arch", "tpu_like.yaml")));
        var w = InputLoaders.LoadWorkload(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "dnn", workload)));
        Assert.Equal(id, new SweepPoint(0, "", w, arch, mode == "scalesim" ? SimMode.ScaleSim : SimMode.Default).Id);
    }
}
