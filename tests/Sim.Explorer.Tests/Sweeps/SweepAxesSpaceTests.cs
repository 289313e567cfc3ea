using CsCheck;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class SweepAxesSpaceTests
{
    private const string Workload = "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n";

    private const string Spec = """
        name: space
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
          ifmap_kb: [8, 16, 32, 64, 128]
          ofmap_kb: [4]
          dram_bandwidth_bytes_per_cycle: [4, 8]
        """;

    private static SweepSpec Load(TempDirectory dir, string spec = Spec)
    {
        dir.Write("w.yaml", Workload);
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", spec)));
    }

    [Theory]
    [InlineData(0.0, 5, 0)]
    [InlineData(0.1999, 5, 0)]
    [InlineData(0.2, 5, 1)]
    [InlineData(0.5, 3, 1)]
    [InlineData(0.6667, 3, 2)]
    [InlineData(0.999999999999, 4, 3)]
    [InlineData(1.0, 4, 3)]    // the half-open bound, clamped
    [InlineData(-0.1, 4, 0)]
    public void A_gene_picks_the_value_at_floor_u_times_count(double gene, int count, int index) =>
        Assert.Equal(index, SweepAxesSpace.Pick(gene, count));

    [Fact]
    public void One_value_axes_take_no_gene_and_a_systolic_product_takes_one_gene_per_factor()
    {
        using var dir = new TempDirectory();
        var space = new SweepAxesSpace(Load(dir));
        // rows (3), cols (2), dataflow (3), ifmap_kb (5), dram (2); pe_variant, filter_kb and ofmap_kb have one value.
        Assert.Equal(["rows", "cols", "dataflow", "ifmap_kb", "dram_bandwidth_bytes_per_cycle"], space.GeneAxes);
        Assert.Equal(5, space.Genes);
        Assert.Throws<ArgumentException>(() => space.Decode([0.5, 0.5], (dir.File("w.yaml"), null!)));
    }

    [Fact]
    public void Genes_decode_each_axis_independently()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var point = new SweepAxesSpace(spec).Decode([0.5, 0.9, 0.1, 0.65, 0.4], spec.Workloads[0]);
        Assert.Equal(new SystolicSpec(8, 16, Dataflow.Os), point.Arch.Tile);
        Assert.Equal(new ScratchpadSpec(64, 8, 4), point.Arch.Scratchpad); // ⌊0.65·5⌋ = 3 → 64 KB; filter and ofmap fixed
        Assert.Equal(4, point.Arch.Dram.BandwidthBytesPerCycle);
        Assert.Equal("systolic-8x16-os", point.Arch.Name);
    }

    [Fact]
    public void Every_grid_point_is_reachable_and_decodes_to_the_grid_id()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var space = new SweepAxesSpace(spec);
        int[] counts = [3, 2, 3, 5, 2];
        var reached = new HashSet<string>(StringComparer.Ordinal);
        // Every combination of gene cells, at the cell centres (index + 0.5) / count.
        foreach (var index in Combinations(counts))
            reached.Add(space.Decode([.. index.Select((i, a) => (i + 0.5) / counts[a])], spec.Workloads[0]).Id);
        var grid = SweepPlan.Expand(spec).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(180, grid.Count);
        Assert.Equal(grid, reached);
    }

    [Fact]
    public void Any_genes_decode_to_a_grid_point()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var space = new SweepAxesSpace(spec);
        var grid = SweepPlan.Expand(spec).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Gen.Double[0, 1].Array[5].Sample(genes => grid.Contains(space.Decode(genes, spec.Workloads[0]).Id));
    }

    [Fact]
    public void A_tile_list_is_one_flat_axis()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, """
            name: tiles
            base:
              name: b
              tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
              dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
            workloads: [w.yaml]
            axes:
              tile: [{kind: systolic, rows: 4, cols: 4, dataflow: os}, {kind: cube, m: 4, k: 4, n: 4}, {kind: systolic, rows: 8, cols: 8, dataflow: ws}]
              filter_kb: [8, 16]
            """);
        var space = new SweepAxesSpace(spec);
        Assert.Equal(["tile", "filter_kb"], space.GeneAxes);
        Assert.Equal(new Cube3DSpec(4, 4, 4), space.Decode([0.5, 0.0], spec.Workloads[0]).Arch.Tile);
        Assert.Equal(new SystolicSpec(8, 8, Dataflow.Ws), space.Decode([0.9, 0.0], spec.Workloads[0]).Arch.Tile);
    }

    [Fact]
    public void A_continuous_axis_takes_a_gene_and_decodes_linearly()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Spec.Replace("dram_bandwidth_bytes_per_cycle: [4, 8]", "dram_bandwidth_bytes_per_cycle: {min: 4, max: 68}", StringComparison.Ordinal)
            + "\nsearch: {strategy: nsga2, population: 8, generations: 2}\n");
        var space = new SweepAxesSpace(spec);
        Assert.Equal(["rows", "cols", "dataflow", "ifmap_kb", "dram_bandwidth_bytes_per_cycle"], space.GeneAxes);
        Assert.Equal(4 + (0.25 * 64), space.Decode([0.0, 0.0, 0.0, 0.0, 0.25], spec.Workloads[0]).Arch.Dram.BandwidthBytesPerCycle, 12);
    }

    private static IEnumerable<int[]> Combinations(int[] counts)
    {
        var index = new int[counts.Length];
        while (true)
        {
            yield return (int[])index.Clone();
            int a = counts.Length - 1;
            while (a >= 0 && ++index[a] == counts[a])
                index[a--] = 0;
            if (a < 0)
                yield break;
        }
    }
}
