using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class SweepTests
{
    private const string Workload = """
        name: tiny
        ops:
          - {name: c1, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 8, filters: 32, padding: 1}
          - {name: c2, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 32, filters: 32, stride: 2, padding: 1, inputs: [c1]}
          - {name: fc, kind: gemm, m: 1, n: 10, k: 2048, inputs: [c2]}
        """;

    private const string Spec = """
        name: tiny-sweep
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml]
        axes:
          rows: [4, 8, 16]
          cols: [4, 16]
          dataflow: [os, ws, is]
        """;

    private static SweepSpec Load(TempDirectory dir, string spec = Spec)
    {
        dir.Write("w.yaml", Workload);
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", spec)));
    }

    private static string Csvs(string directory) =>
        File.ReadAllText(Path.Combine(directory, "points.csv")) + File.ReadAllText(Path.Combine(directory, "layers.csv"));

    [Fact]
    public void Grid_expands_to_every_combination_in_a_fixed_order()
    {
        using var dir = new TempDirectory();
        var plan = SweepPlan.Expand(Load(dir));
        Assert.Equal(18, plan.Count);
        Assert.Equal(new SystolicSpec(4, 4, Dataflow.Os), plan[0].Arch.Tile);
        Assert.Equal(new SystolicSpec(4, 4, Dataflow.Ws), plan[1].Arch.Tile);
        Assert.Equal("systolic-4x4-ws", plan[1].Arch.Name);
        Assert.Equal(18, plan.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Same_spec_gives_byte_identical_csv_whatever_the_job_count()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var one = Path.Combine(dir.Path, "one");
        var two = Path.Combine(dir.Path, "two");
        SweepRunner.Run(spec, one, jobs: 1, resume: false);
        SweepRunner.Run(spec, two, jobs: 4, resume: false);
        Assert.Equal(Csvs(one), Csvs(two));
        Assert.Equal(File.ReadAllText(Path.Combine(one, "manifest.json")), File.ReadAllText(Path.Combine(two, "manifest.json")));
    }

    [Fact]
    public void Resume_after_a_crash_loses_and_duplicates_nothing()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var full = Path.Combine(dir.Path, "full");
        var crashed = Path.Combine(dir.Path, "crashed");
        SweepRunner.Run(spec, full, jobs: 2, resume: false);

        // Simulate a kill: the journal holds 7 finished points and a torn 8th line; no CSV was written.
        Directory.CreateDirectory(crashed);
        var lines = File.ReadAllLines(Path.Combine(full, SweepRunner.JournalFile));
        File.WriteAllText(Path.Combine(crashed, SweepRunner.JournalFile), string.Join('\n', lines.Take(7)) + "\n" + lines[7][..40]);

        var outcome = SweepRunner.Run(spec, crashed, jobs: 2, resume: true);
        Assert.Equal(7, outcome.Resumed);
        Assert.Equal(11, outcome.Computed);
        Assert.Equal(Csvs(full), Csvs(crashed));

        // Resuming a finished sweep recomputes nothing.
        var again = SweepRunner.Run(spec, crashed, jobs: 2, resume: true);
        Assert.Equal(0, again.Computed);
        Assert.Equal(Csvs(full), Csvs(crashed));
    }

    [Fact]
    public void Points_csv_header_is_stable()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        SweepRunner.Run(Load(dir), output, 1, false);
        Assert.Equal(
            "point_id,sweep,status,reason,p.workload,p.tile,p.rows,p.cols,p.depth,p.dataflow,p.pe_variant,p.ifmap_kb,p.filter_kb,p.ofmap_kb," +
            "p.dram_bw_bytes_per_cycle,p.dram_latency_cycles,p.word_bytes,p.vector_lanes,mode,tile_kind,pe_count,layers,macs,latency_cycles,compute_cycles,stall_cycles,latency_us,utilization," +
            "compute_utilization,mapping_efficiency,sram_read_words,sram_write_words,dram_read_bytes,dram_write_bytes," +
            "arith_intensity_macs_per_byte,energy_pj,energy_mac_pj,energy_accumulator_pj,energy_sram_pj,energy_dram_pj,energy_vector_pj,area_mm2," +
            "mac_area_mm2,tops,tops_per_mm2,tops_per_w,onchip_tops_per_w,pareto",
            File.ReadLines(Path.Combine(output, "points.csv")).First());
    }

    [Fact]
    public void Point_totals_are_the_sum_of_their_layers()
    {
        using var dir = new TempDirectory();
        var outcome = SweepRunner.Run(Load(dir), Path.Combine(dir.Path, "out"), 2, false);
        foreach (var point in outcome.Points)
        {
            var layers = outcome.Layers.Where(l => l.PointId == point.PointId).ToList();
            Assert.Equal(3, layers.Count);
            Assert.Equal(point.LatencyCycles, layers.Sum(l => l.TotalCycles));
            Assert.Equal(point.Macs, layers.Sum(l => l.Macs));
            Assert.Equal(point.DramReadBytes, layers.Sum(l => l.DramReadsIfmap + l.DramReadsFilter + l.DramReadsOfmap));
            Assert.InRange(point.Utilization, double.Epsilon, 1.0);
        }

        Assert.Contains(outcome.Points, p => p.Pareto);
    }

    [Theory]
    [InlineData("  dataflow: [os, ws, is]", "  dataflow: [os, xs]", "sweep.yaml:11:18: field 'axes.dataflow': 'xs' is not a valid value. Fix: use os, ws or is")]
    [InlineData("  rows: [4, 8, 16]", "  rowz: [4, 8, 16]", "sweep.yaml:9:3: field 'axes.rowz': unknown key. Fix: did you mean 'rows'?")]
    [InlineData("  rows: [4, 8, 16]", "  rows: [4, 4]", "field 'axes.rows': '4' is listed twice")]
    [InlineData("  cols: [4, 16]", "  cols: [4, -16]", "field 'axes.cols': '-16' is not a valid value")]
    [InlineData("workloads: [w.yaml]", "workloads: [missing.yaml]", "missing.yaml: file not found")]
    [InlineData("name: tiny-sweep", "name: tiny sweep", "field 'name': 'tiny sweep' cannot be used as a folder name")]
    public void Malformed_specs_are_rejected_before_anything_runs(string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<SimInputException>(() => Load(dir, Spec.Replace(find, replace, StringComparison.Ordinal)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_default_sweep_loads_its_embedded_workloads()
    {
        var spec = SweepSpecYaml.Read(InputFile.ReadEmbedded("workloads/sweeps/default.yaml"));
        Assert.Equal("default", spec.Name);
        Assert.Equal(["resnet18", "bert_base_encoder"], spec.Workloads.Select(w => w.Workload.Name));
        Assert.Equal(150, spec.PointCount);
    }
}
