using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Cli;

/// <summary><c>sim run ARCH WORKLOAD --mapping FILE</c> on the hand-written files in MappingFiles/.</summary>
public class RunMappingTests
{
    private static readonly string s_files = Path.Combine(Import.RepoPaths.Root, "tests", "Sim.Explorer.Tests", "Cli", "MappingFiles");
    private static readonly string s_arch = Path.Combine(s_files, "small.yaml");
    private static readonly string s_workload = Path.Combine(s_files, "tiny.yaml");
    private static readonly string s_mapping = Path.Combine(s_files, "tiny-mapping.yaml");

    [Fact]
    public void Layers_csv_holds_the_loop_nest_models_numbers_for_the_files_mappings()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("run", s_arch, s_workload, "--mapping", s_mapping, "-o", dir.Path);
        Assert.True(code == 0, stderr);
        Assert.Contains("loop-nest model under", stdout, StringComparison.Ordinal);
        var layers = ResultsCsv.Read<LayerRow>(Path.Combine(dir.Path, "layers.csv"));
        Assert.Equal(["c1", "fc", "attn"], layers.Select(l => l.Layer));

        // The same mappings built here, not read from the file, through the model.
        var hierarchy = LoopNestHierarchy.FromArch(ArchYaml.Load(s_arch));
        var workload = WorkloadYaml.Load(s_workload);
        var c1 = LoopNestProblem.From(workload.Ops[0])!;
        var c1Mapping = new LoopNestMapping(DataSpace.Weights, DimVector.Ones.With(LoopDim.P, 8),
            [DimVector.Ones.With(LoopDim.C, 4), DimVector.Ones.With(LoopDim.K, 8)], new DimVector(1, 1, 1, 1, 8, 3, 1), new DimVector(1, 2, 1, 1, 1, 1, 3),
            LoopDims.All, [LoopDim.K, LoopDim.N, LoopDim.C, LoopDim.P, LoopDim.Q, LoopDim.R, LoopDim.S]);
        var fc = LoopNestProblem.From(workload.Ops[1])!;
        var fcMapping = new LoopNestMapping(DataSpace.Outputs, new DimVector(1, 1, 16, 1, 1, 1, 1),
            [new DimVector(1, 1, 1, 8, 1, 1, 1), new DimVector(1, 5, 1, 1, 1, 1, 1)], new DimVector(1, 1, 4, 8, 1, 1, 1), new DimVector(1, 2, 16, 1, 1, 1, 1),
            [LoopDim.P, LoopDim.K, LoopDim.C, LoopDim.N, LoopDim.Q, LoopDim.R, LoopDim.S], [LoopDim.K, LoopDim.C, LoopDim.P, LoopDim.N, LoopDim.Q, LoopDim.R, LoopDim.S]);
        foreach (var (row, problem, mapping) in new[] { (layers[0], c1, c1Mapping), (layers[1], fc, fcMapping) })
        {
            var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
            Assert.Equal((cost.Macs, cost.Folds, cost.ComputeCycles, cost.LatencyCycles), (row.Macs, row.Folds, row.ComputeCycles, row.TotalCycles));
            Assert.Equal((cost.DramReadBytes.Inputs, cost.DramReadBytes.Weights, cost.DramWriteBytes.Outputs, cost.DramReadBytes.Outputs),
                (row.DramReadsIfmap, row.DramReadsFilter, row.DramWritesOfmap, row.DramReadsOfmap));
            Assert.Equal((cost.EnergyPj, cost.MacFj / 1000.0, cost.DramFj / 1000.0), (row.EnergyPj, row.EnergyMacPj, row.EnergyDramPj));
            Assert.Equal(cost.Utilization, row.Utilization);
        }

        // By hand. c1 (weights stationary): 24 scratchpad × 6 DRAM iterations of 8 register steps + 22 fill/drain and
        // preload cycles (8 + 8 − 2 + 8) = 4320; DRAM 576 + 1920 + 1024 B at 4 B/cycle = 880 cycles: no stall.
        Assert.Equal((4320L, 0L), (layers[0].ComputeCycles, layers[0].StallCycles));
        // fc (outputs stationary): 32 × 32 folds of 16 + 14 = 30720 cycles; DRAM: weights 320 B × 32 tiles, inputs
        // 4096 B × 32, outputs 640 B once = 141952 B → 35488 cycles: 4768 of stall.
        Assert.Equal((30720L, 4768L, 35488L), (layers[1].ComputeCycles, layers[1].StallCycles, layers[1].TotalCycles));
        Assert.Equal((131_072L, 10_240L, 640L), (layers[1].DramReadsIfmap, layers[1].DramReadsFilter, layers[1].DramWritesOfmap));

        // Attention keeps its model: the same row as without the mapping file; the point sums the layers.
        using var plain = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("run", s_arch, s_workload, "-o", plain.Path).ExitCode);
        var plainLayers = ResultsCsv.Read<LayerRow>(Path.Combine(plain.Path, "layers.csv"));
        Assert.Equal(plainLayers[2].TotalCycles, layers[2].TotalCycles);
        Assert.Equal(plainLayers[2].EnergyPj, layers[2].EnergyPj);
        var point = ResultsCsv.Read<PointRow>(Path.Combine(dir.Path, "points.csv")).Single();
        Assert.Equal(layers.Sum(l => l.TotalCycles), point.LatencyCycles);
    }

    [Fact]
    public void Without_a_mapping_file_the_tile_model_runs_and_says_so()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = CliRunner.Run("run", s_arch, s_workload, "-o", dir.Path);
        Assert.Equal(0, code);
        Assert.Contains("GEMM/conv layers: tile model", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    dataflow: ws", "    dataflow: ws\n    tiling: {}", ":10:5: field 'layers[0].tiling': unknown key")]
    [InlineData("register: {P: 8}", "register: {X: 8}", ":10:16: field 'layers[0].register.X': unknown key")]
    [InlineData("register: {K: 16}", "register: {K: 0}", ":19:19: field 'layers[1].register.K': 0 is below the minimum 1")]
    [InlineData("dram: {N: 2, K: 16}", "dram: {N: 2, K: 8}", ":17:11: field 'layers[1].dims': the factors of K multiply to 512")]
    [InlineData("dram_order: [N, K, M]", "dram_order: [N, M]", ":24:17: field 'layers[1].dram_order': the order lists 2 of the 3 dims")]
    [InlineData("dataflow: os", "dataflow: xs", ":18:15: field 'layers[1].dataflow': 'xs' is not a dataflow")]
    [InlineData("dims: {M: 64,", "dims: {M: 63,", ":17:15: field 'layers[1].dims.M': M is 63 here, but op 'fc' of workload 'tiny' has M = 64")]
    [InlineData("name: fc", "name: attn", ":16:11: field 'layers[1].name': op 'attn' is attention: it keeps its own model and takes no mapping")]
    [InlineData("name: fc", "name: fc9", ":16:11: field 'layers[1].name': workload 'tiny' has no op named 'fc9'")]
    [InlineData("{rows: {M: 8}, cols: {N: 5}}", "{rows: {M: 8}, cols: {N: 5}, depth: {}}", ":20:43: field 'layers[1].spatial.depth': unknown key")]
    public void A_bad_mapping_file_exits_2_naming_file_line_and_field(string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(s_mapping).ReplaceLineEndings("\n");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var bad = dir.Write("m.yaml", text.Replace(find, replace, StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("run", s_arch, s_workload, "--mapping", bad, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.True(stderr.Contains(bad + expected, StringComparison.Ordinal), stderr);
        Assert.Contains("Fix: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_op_with_no_entry_exits_2_naming_it()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(s_mapping).ReplaceLineEndings("\n");
        var bad = dir.Write("m.yaml", text[..text.IndexOf("  - name: fc", StringComparison.Ordinal)]);
        var (code, _, stderr) = CliRunner.Run("run", s_arch, s_workload, "--mapping", bad, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:6:3: field 'layers': no entry for the op fc of workload 'tiny'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_the_arch_can_no_longer_hold_exits_2_naming_the_layer_file_and_reason()
    {
        // fc's input tile is 64 × 64 B = 4 KB: it fit half of 16 KB, not half of 4 KB.
        using var dir = new TempDirectory();
        var shrunk = dir.Write("a.yaml", File.ReadAllText(s_arch).Replace("ifmap_kb: 16", "ifmap_kb: 4", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("run", shrunk, s_workload, "--mapping", s_mapping, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains($"{s_mapping}:16: layer 'fc': the mapping cannot run on arch 'small': scratchpad: the inputs tile is 4096 B, its partition has 2048 B usable", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: regenerate the mapping for this arch with sim map", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cube_arch_rejects_a_two_axis_mapping_and_scalesim_mode_is_refused()
    {
        using var dir = new TempDirectory();
        var cube = Path.Combine(Import.RepoPaths.Workloads, "arch", "ascend_like_cube.yaml");
        var (code, _, stderr) = CliRunner.Run("run", cube, s_workload, "--mapping", s_mapping, "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("field 'layers[0].dataflow': this tile cannot hold weights in its PEs (ws). Fix: use os", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("run", s_arch, s_workload, "--mapping", s_mapping, "--mode", "scalesim", "-o", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("--mapping: the loop-nest model has no scalesim mode", stderr, StringComparison.Ordinal);
    }
}
