using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Bench;

/// <summary>
/// The fixed GEMM suite <c>sim bench</c> times: every layer of ResNet-50, the BERT-base encoder layer and the GPT-2
/// decode step (embedded copies of workloads/dnn), on 32×32 and 128×128 arrays in all three dataflows, with a finite
/// DRAM (16 B/cycle, 100-cycle latency) so the stall model runs too.
/// </summary>
public static class BenchSuite
{
    private static readonly string[] s_workloads =
        ["workloads/dnn/resnet50.yaml", "workloads/dnn/bert_base_encoder.yaml", "workloads/dnn/gpt2_decoder_decode.yaml"];

    /// <summary>One 1024-MAC tile of each kind (the tpe-compare shapes), for the per-engine speed table.</summary>
    public static readonly TileSpec[] EngineTiles =
        [new SystolicSpec(32, 32, Dataflow.Ws), new Cube3DSpec(8, 16, 8), new AdderTreeSpec(64, 16), new Matrix2DSpec(32, 32)];

    /// <summary>The suite's GEMMs on <paramref name="tile"/>, with the same memory system as <see cref="Cases"/>.</summary>
    public static IReadOnlyList<(GemmShape Gemm, ArchSpec Arch)> EngineCases(TileSpec tile)
    {
        var arch = new ArchSpec($"bench-{TileGrid.Of(tile).Label}", tile, new ScratchpadSpec(256, 256, 128), new DramSpec(16, 100), 1.0, 1);
        return Gemms().Select(g => (g, arch)).ToList();
    }

    private static List<GemmShape> Gemms() => s_workloads
        .SelectMany(path => InputLoaders.LoadWorkload(InputFile.ReadEmbedded(path)).Ops)
        .OfType<GemmOp>() // the suite's networks are GEMMs and convolutions only
        .Select(op => op.ToGemm())
        .ToList();

    public static IReadOnlyList<(GemmShape Gemm, ArchSpec Arch)> Cases()
    {
        var gemms = Gemms();
        var cases = new List<(GemmShape, ArchSpec)>();
        foreach (var size in new[] { 32, 128 })
        {
            foreach (var dataflow in new[] { Dataflow.Os, Dataflow.Ws, Dataflow.Is })
            {
                var arch = new ArchSpec($"bench-{size}-{dataflow.ToName()}", new SystolicSpec(size, size, dataflow),
                    new ScratchpadSpec(256, 256, 128), new DramSpec(16, 100), 1.0, 1);
                cases.AddRange(gemms.Select(g => (g, arch)));
            }
        }

        return cases;
    }
}
