using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class TileAxisTests
{
    private const string Workload = "name: w\nops:\n  - {name: g, kind: gemm, m: 64, n: 64, k: 64}\n";

    private const string Spec = """
        name: engines
        base:
          name: b
          tile: {kind: cube, m: 4, k: 4, n: 4}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 8}
        workloads: [w.yaml]
        axes:
          tile:
            - {kind: systolic, rows: 8, cols: 8, dataflow: ws}
            - {kind: cube, m: 4, k: 4, n: 4}
          pe_variant: [mac, bitweight]
        """;

    private static SweepSpec Load(TempDirectory dir, string spec = Spec)
    {
        dir.Write("w.yaml", Workload);
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", spec), "."));
    }

    [Fact]
    public void Tile_list_and_variants_expand_in_file_order()
    {
        using var dir = new TempDirectory();
        var plan = SweepPlan.Expand(Load(dir));
        Assert.Equal(
            ["systolic-8x8-ws", "systolic-8x8-ws-bitweight", "cube-4x4x4", "cube-4x4x4-bitweight"],
            plan.Select(p => p.Arch.Name));
        Assert.Equal(new Cube3DSpec(4, 4, 4), plan[3].Arch.Tile);
        Assert.Equal(PeVariant.BitWeight, plan[3].Arch.Costs.Variant);
        Assert.Equal(4, plan.Select(p => p.Id).Distinct().Count()); // the variant is part of the point id
    }

    [Fact]
    public void A_non_systolic_base_without_axes_is_one_point()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Spec[..Spec.IndexOf("axes:", StringComparison.Ordinal)]);
        var plan = SweepPlan.Expand(spec);
        Assert.Equal([new Cube3DSpec(4, 4, 4)], plan.Select(p => p.Arch.Tile));
        Assert.Equal([PeVariant.Mac], plan.Select(p => p.Arch.Costs.Variant));
    }

    [Theory]
    [InlineData("  pe_variant: [mac, bitweight]", "  pe_variant: [mac, booth]", "sweep.yaml:12:21: field 'axes.pe_variant': 'booth' is not a valid value. Fix: use mac, bitweight or ent")]
    [InlineData("  pe_variant: [mac, bitweight]", "  pe_variant: [mac]\n  rows: [4]", "field 'axes.rows': 'rows' cannot be combined with a 'tile' axis")]
    [InlineData("    - {kind: cube, m: 4, k: 4, n: 4}", "    - {kind: systolic, rows: 8, cols: 8, dataflow: ws}", "sweep.yaml:11:7: field 'axes.tile[1]': the tile 'systolic-8x8-ws' is listed twice")]
    [InlineData("    - {kind: cube, m: 4, k: 4, n: 4}", "    - {kind: cube, m: 4, k: 4}", "field 'axes.tile[1].n': required field")]
    public void Bad_tile_axes_are_reported_with_line_and_field(string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<SimInputException>(() => Load(dir, Spec.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_axes_on_a_non_systolic_base_point_to_the_tile_axis()
    {
        using var dir = new TempDirectory();
        var spec = Spec[..Spec.IndexOf("axes:", StringComparison.Ordinal)] + "axes:\n  cols: [4, 8]\n";
        var e = Assert.Throws<SimInputException>(() => Load(dir, spec));
        Assert.Contains("field 'axes.cols': 'cols' sweeps a systolic base tile, but the base tile is a 'cube'. Fix: list the tiles in a 'tile' axis instead", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_tpe_comparison_has_four_engines_at_three_mac_counts()
    {
        var spec = SweepSpecYaml.Read(InputFile.Read(Path.Combine(Import.RepoPaths.Workloads, "sweeps", "tpe-compare.yaml"), "."));
        var tiles = SweepPlan.Expand(spec).Select(p => p.Arch.Tile).Distinct().ToList();
        Assert.Equal(15, tiles.Count);
        Assert.Equal(["addertree", "cube", "matrix2d", "systolic"], tiles.Select(t => t.Kind).Distinct().Order(StringComparer.Ordinal));
        foreach (var kind in tiles.GroupBy(t => t.Kind))
            Assert.Equal([256L, 1024, 4096], kind.Select(t => t.PeCount).Distinct().Order());
        Assert.Equal(180, spec.PointCount);
    }
}

public class InfeasiblePointTests
{
    [Fact]
    public void Infeasible_points_are_kept_with_a_reason_and_do_not_fail_the_sweep()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: w\nops:\n  - {name: g, kind: gemm, m: 64, n: 64, k: 64}\n");
        var spec = dir.Write("sweep.yaml", """
            name: feasibility
            base:
              name: b
              tile: {kind: cube, m: 4, k: 4, n: 4}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 1}
              dram: {bandwidth_bytes_per_cycle: 8}
            workloads: [w.yaml]
            axes:
              tile:
                - {kind: cube, m: 8, k: 8, n: 8}
                - {kind: cube, m: 16, k: 16, n: 16}
            """);
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = Cli.CliRunner.Run("sweep", spec, "-o", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("1 infeasible, 0 failed", stdout, StringComparison.Ordinal);
        var rows = Results.ResultsCsv.Read<Results.PointRow>(Path.Combine(output, "points.csv"));
        // 8×8 blocks: 2 × 256 B fit in 1 KB; 16×16 blocks need 2048 B.
        Assert.Equal(["ok", "infeasible"], rows.Select(r => r.Status));
        Assert.Equal("the ofmap scratchpad (1024 B) cannot hold two 16x16 blocks of 32-bit accumulators (L0C) (2048 B)", rows[1].Reason);
        Assert.Equal("cube-16x16x16", rows[1].Tile);
        Assert.Equal(2, File.ReadLines(Path.Combine(output, "layers.csv")).Count()); // header + the feasible point's layer
    }

    [Fact]
    public void An_infeasible_single_op_is_bad_input()
    {
        var (code, _, stderr) = Cli.CliRunner.Run("op", "gemm", "--m", "8", "--n", "8", "--k", "8", "--arch", "cube", "--array", "16x16x16", "--sram-kb", "64,64,1");
        Assert.Equal(2, code);
        Assert.Contains("the ofmap scratchpad (1024 B) cannot hold two 16x16 blocks", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: raise --sram-kb or use a smaller tile", stderr, StringComparison.Ordinal);
    }
}

public class ThroughputColumnTests
{
    [Fact]
    public void Tops_area_and_energy_columns_follow_from_a_hand_case()
    {
        // One 16×16×32 GEMM on a 16×16×16 cube at 2 GHz, unlimited DRAM: 1 fold, k = 2 steps, depth 1 + 4 + 1 = 6,
        // latency 2 + 5 + 16 (drain) = 23 cycles. Energy (see EnergyModelTests): MAC 3440.64 + L0C 5242.88 +
        // SRAM 3276.8 + DRAM 36736 pJ. MAC area 4096 × 973 µm² = 3.985408 mm².
        var workload = new Core.Workloads.Workload("w", [new Core.Workloads.Gemm("g", 16, 16, 32, [])]);
        var arch = ArchSpec.Default(new Cube3DSpec(16, 16, 16)) with { ClockGhz = 2.0 };
        var (row, _) = PointEvaluator.Evaluate("p", workload, arch, SimMode.Default);
        Assert.Equal(23, row.LatencyCycles);
        Assert.Equal(2.0 * 8192 * 2.0 / 23 / 1e3, row.Tops, 12);                  // 2·MACs per (23 cycles / 2 GHz)
        Assert.Equal(3.985408, row.MacAreaMm2, 9);
        Assert.Equal(row.Tops / 3.985408, row.TopsPerMm2, 12);
        Assert.Equal(3440.64 + 5242.88 + 3276.8 + 36736, row.EnergyPj, 6);
        Assert.Equal(16384 / (3440.64 + 5242.88 + 3276.8 + 36736), row.TopsPerW, 9);
        Assert.Equal(16384 / (3440.64 + 5242.88 + 3276.8), row.OnChipTopsPerW, 9);
        Assert.Equal(3.985408 + 192 * 1258 / 1e6, row.AreaMm2, 9);                // + 3 × 64 KB of scratchpad
    }

    [Fact]
    public void A_base_mac_figure_cannot_be_shared_by_several_tile_kinds()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: w\nops:\n  - {name: g, kind: gemm, m: 8, n: 8, k: 8}\n");
        var spec = dir.Write("sweep.yaml", """
            name: shared
            base:
              name: b
              tile: {kind: cube, m: 4, k: 4, n: 4}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 8}
              dram: {bandwidth_bytes_per_cycle: 8}
              costs: {mac_pj: 0.42}
            workloads: [w.yaml]
            axes:
              tile:
                - {kind: cube, m: 4, k: 4, n: 4}
                - {kind: systolic, rows: 8, cols: 8, dataflow: os}
            """);
        var e = Assert.Throws<SimInputException>(() => SweepSpecYaml.Read(InputFile.Read(spec, ".")));
        Assert.Contains("sweep.yaml:7:19: field 'base.costs.mac_pj': 'mac_pj' would apply to every tile kind of the 'tile' axis (cube, systolic)", e.Message, StringComparison.Ordinal);
    }
}
