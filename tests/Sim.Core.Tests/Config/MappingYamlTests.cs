using CsCheck;
using Sim.Core.Config;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Core.Tests.Config.MappingYamlFixture;

namespace Sim.Core.Tests.Config;

public class MappingYamlTests
{
    [Fact]
    public void A_hand_written_file_reads_into_the_mappings_it_spells_out()
    {
        var file = Parse(Text);
        Assert.Equal(("tiny", "small", "latency"), (file.Workload, file.Arch, file.Objective));
        Assert.Equal(["c1", "fc"], file.Layers.Select(l => l.Problem.Name));

        var c1 = file.Layers[0];
        Assert.Equal(LoopNestProblem.FromConv((Conv2d)Tiny.Ops[0]), c1.Problem);
        Assert.Equal(5, c1.Line);
        Assert.Equal(DataSpace.Weights, c1.Mapping.Stationary);
        Assert.Equal(DimVector.Ones.With(LoopDim.P, 8), c1.Mapping.Register);
        Assert.Equal([DimVector.Ones.With(LoopDim.C, 4), DimVector.Ones.With(LoopDim.K, 8)], c1.Mapping.Spatial);
        Assert.Equal(new DimVector(1, 1, 1, 1, 8, 3, 1), c1.Mapping.Scratchpad);
        Assert.Equal(new DimVector(1, 2, 1, 1, 1, 1, 3), c1.Mapping.Dram);
        Assert.Equal([LoopDim.K, LoopDim.N, LoopDim.C, LoopDim.P, LoopDim.Q, LoopDim.R, LoopDim.S], c1.Mapping.DramOrder);
        Assert.Null(c1.Mapping.ShapeProblem(c1.Problem, 2));

        // GEMM names: M → P, N → K, K → C; the unnamed loops (bound 1) go innermost in N K C P Q R S order.
        var fc = file.Layers[1];
        Assert.True(fc.Problem.IsGemm);
        Assert.Equal(DataSpace.Outputs, fc.Mapping.Stationary);
        Assert.Equal(new DimVector(1, 1, 16, 1, 1, 1, 1), fc.Mapping.Register);
        Assert.Equal(new DimVector(1, 2, 16, 1, 1, 1, 1), fc.Mapping.Dram);
        Assert.Equal([LoopDim.K, LoopDim.C, LoopDim.P, LoopDim.N, LoopDim.Q, LoopDim.R, LoopDim.S], fc.Mapping.DramOrder);
        Assert.Equal([LoopDim.P, LoopDim.K, LoopDim.C, LoopDim.N, LoopDim.Q, LoopDim.R, LoopDim.S], fc.Mapping.ScratchpadOrder);
        Assert.Null(fc.Mapping.ShapeProblem(fc.Problem, 2));
    }

    [Fact]
    public void Writing_a_read_file_gives_back_the_same_text_with_the_header()
    {
        var written = MappingYamlWriter.Write(Parse(Text));
        Assert.Equal(MappingYamlWriter.Header + "\n" + Text.ReplaceLineEndings("\n") + "\n", written);
    }

    [Fact]
    public void Model_figures_and_quoted_names_are_written_invariantly_and_read_back()
    {
        var workload = new Workload("net: v2", [new Gemm("fc #1", 4, 2, 2)]);
        var problem = LoopNestProblem.FromGemm("fc #1", new GemmShape(4, 2, 2));
        var mapping = new LoopNestMapping(DataSpace.Inputs, DimVector.Ones.With(LoopDim.K, 2), [DimVector.Ones.With(LoopDim.P, 4), DimVector.Ones.With(LoopDim.C, 2)],
            DimVector.Ones, DimVector.Ones, LoopDims.All, LoopDims.All);
        var file = new MappingFile("net: v2", "a\"b", "edp", [new LayerMappingEntry(problem, mapping, new LayerModelFigures(12, 34, 0.1 + 0.2, 1.0 / 3))]);
        var text = MappingYamlWriter.Write(file);
        Assert.Contains("workload: \"net: v2\"\narch: \"a\\\"b\"", text, StringComparison.Ordinal);
        Assert.Contains("model: {latency_cycles: 12, dram_bytes: 34, energy_pj: 0.30000000000000004, utilization: 0.3333333333333333}", text, StringComparison.Ordinal);

        var back = MappingYaml.Parse("m.yaml", text, Systolic(workload));
        Assert.Equal(("net: v2", "a\"b", "edp"), (back.Workload, back.Arch, back.Objective));
        // A GEMM's unnamed loops (N, Q, R, S of the conv view) read back innermost.
        Assert.False(file.Layers[0].SameMapping(back.Layers[0]));
        Assert.True((file.Layers[0] with { Mapping = MappingDims.Canonical(problem, mapping) }).SameMapping(back.Layers[0]));
    }

    [Fact]
    public void A_graph_section_is_kept_for_its_reader_and_otherwise_accepted_unread()
    {
        var text = MappingYamlWriter.Write(Parse(Text), "graph:\n  order: [c1, fc]\n");
        Assert.EndsWith("    dram_order: [N, K, M]\ngraph:\n  order: [c1, fc]\n", text, StringComparison.Ordinal);
        Assert.Equal(2, Parse(text).Layers.Count);
        string? seen = null;
        MappingYaml.Parse("m.yaml", text, Systolic(), graph => seen = graph.Path);
        Assert.Equal("graph", seen);
    }

    /// <summary>Random perfect factorisations of both layers over register, two axes, scratchpad and DRAM, random
    /// orders and stationary tensors: write → read gives the same mappings (GEMM orders in canonical form).</summary>
    [Fact]
    public void Round_trip_write_then_read_gives_equal_mappings()
    {
        var problems = Tiny.Ops.Select(o => LoopNestProblem.From(o)!).ToList();
        var gen = Gen.Select(Gen.Int.Array[problems.Count * LoopDims.Count * 4], Gen.Int.Array[problems.Count * 3]);
        gen.Sample(sample =>
        {
            var (cuts, picks) = sample;
            var layers = problems.Select((p, i) => new LayerMappingEntry(p, RandomMapping(p, cuts.AsSpan(i * 28, 28), picks.AsSpan(i * 3, 3)), null)).ToList();
            var file = new MappingFile("tiny", "small", "energy", layers);
            var back = Parse(MappingYamlWriter.Write(file));
            for (var i = 0; i < layers.Count; i++)
            {
                var expected = layers[i] with { Mapping = MappingDims.Canonical(layers[i].Problem, layers[i].Mapping) };
                Assert.True(expected.SameMapping(back.Layers[i]), $"layer {i}: {MappingYamlWriter.Write(file)}");
            }
        }, iter: 300);
    }

    private static LoopNestMapping RandomMapping(LoopNestProblem problem, ReadOnlySpan<int> cuts, ReadOnlySpan<int> picks)
    {
        // Split each bound into 5 factors by peeling random divisors off the remainder.
        var levels = new long[5][];
        for (var l = 0; l < 5; l++)
            levels[l] = new long[LoopDims.Count];
        foreach (var dim in LoopDims.All)
        {
            var rest = problem.Bounds[dim];
            for (var l = 0; l < 4; l++)
            {
                var divisors = Enumerable.Range(1, (int)rest).Where(d => rest % d == 0).ToList();
                var f = divisors[(int)((uint)cuts[(4 * (int)dim) + l] % (uint)divisors.Count)];
                levels[l][(int)dim] = f;
                rest /= f;
            }

            levels[4][(int)dim] = rest;
        }

        DimVector Level(int l) => DimVector.From(d => levels[l][(int)d]);
        IReadOnlyList<LoopDim> Order(int seed) => [.. LoopDims.All.OrderBy(d => (((int)d * 7919) + seed) % 101).ThenBy(d => d)];
        return new LoopNestMapping(DataSpaces.All[(int)((uint)picks[0] % 3)], Level(0), [Level(1), Level(2)], Level(3), Level(4),
            Order(picks[1] & 0xFFFF), Order(picks[2] & 0xFFFF));
    }
}
