using Sim.Core.Hardware;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Tests.Sweeps;

public class DesignSpaceTests
{
    private static List<object> Values(SweepSpec spec, string axis) =>
        [.. ((DiscreteDomain)spec.Space.Axes.Single(a => a.Name == axis).Domain).Values];

    [Fact]
    public void A_step_range_is_min_min_plus_step_and_so_on_up_to_max()
    {
        var spec = SpecFixture.Load("axes:\n  rows: {min: 8, max: 30, step: 8}\n  cols: {min: 4, max: 4, step: 1}\n");
        Assert.Equal([8L, 16L, 24L], Values(spec, "rows"));
        Assert.Equal([4L], Values(spec, "cols"));
        Assert.Equal([(8, 4), (16, 4), (24, 4)], SpecFixture.Shapes(spec));
    }

    [Fact]
    public void A_real_step_range_reaches_max_despite_round_off()
    {
        // 0.1 is not exact in binary: 1 + 10·0.1 must still count as ≤ 2.
        var spec = SpecFixture.Load("axes:\n  dram_bandwidth_bytes_per_cycle: {min: 1, max: 2, step: 0.1}\n");
        var values = Values(spec, "dram_bandwidth_bytes_per_cycle").Cast<double>().ToList();
        Assert.Equal(11, values.Count);
        Assert.Equal(1.0, values[0]);
        Assert.Equal(2.0, values[^1], 12);
    }

    [Fact]
    public void A_log2_range_is_the_powers_of_two_from_min_to_max()
    {
        var spec = SpecFixture.Load("axes:\n  rows: {min: 4, max: 256, scale: log2}\n  ifmap_kb: {min: 0.5, max: 8, scale: log2}\n");
        Assert.Equal([4L, 8L, 16L, 32L, 64L, 128L, 256L], Values(spec, "rows"));
        Assert.Equal([0.5, 1.0, 2.0, 4.0, 8.0], Values(spec, "ifmap_kb"));
        Assert.Equal(35, spec.PointCount);
    }

    [Fact]
    public void The_new_axes_set_the_arch_and_their_p_columns_innermost_in_the_grid()
    {
        var spec = SpecFixture.Load("axes:\n  rows: [4, 8]\n  vector_lanes: [16, 64]\n  word_bytes: [1, 2]\n  dram_latency_cycles: [0, 200]\n");
        var plan = SweepPlan.Build(spec);
        // 16 archs; the vector unit is not part of a GEMM-only point (it cannot change its result), so the two lane
        // counts give one point each: the second is a duplicate id, kept once.
        Assert.Equal((16L, 8L, 8), (plan.Draws, plan.Duplicates, plan.Points.Count));
        // Grid order: rows, then dram_latency_cycles, word_bytes, vector_lanes (the catalogue's order, not the file's).
        Assert.Equal(
            [(4, 0L, 1, 16), (4, 0L, 2, 16), (4, 200L, 1, 16), (4, 200L, 2, 16), (8, 0L, 1, 16)],
            plan.Points.Take(5).Select(p => (((SystolicSpec)p.Arch.Tile).Rows, p.Arch.Dram.LatencyCycles, p.Arch.WordBytes, p.Arch.Vector.Lanes)));
        var row = PointRow.Describe(plan.Points[2].Id, "tiny", plan.Points[2].Arch, SimMode.Default);
        Assert.Equal((200L, 1, 16), (row.DramLatencyCycles, row.WordBytes, row.VectorLanes));
    }

    [Fact]
    public void Vector_lanes_are_separate_points_for_a_workload_that_uses_the_vector_unit()
    {
        using var dir = new TempDirectory();
        dir.Write("a.yaml", "name: attn\nops:\n  - {name: a, kind: attention, batch: 1, heads: 2, kv_heads: 2, seq_q: 16, seq_kv: 16, head_dim: 8, causal: false, lowering: fused}\n");
        var spec = SweepSpecYaml.Read(InputFile.Read(dir.Write("s2.yaml",
            SpecFixture.Head.Replace("[w.yaml]", "[a.yaml]", StringComparison.Ordinal) + "\naxes:\n  vector_lanes: [16, 64]\n")));
        var plan = SweepPlan.Expand(spec);
        Assert.Equal([16, 64], plan.Select(p => p.Arch.Vector.Lanes));
        Assert.NotEqual(plan[0].Id, plan[1].Id);
    }

    [Fact]
    public void Unit_coordinates_map_to_equal_cells_of_a_list_and_linearly_onto_a_continuous_range()
    {
        var list = new DiscreteDomain([10L, 20L, 30L, 40L]);
        Assert.Equal([10L, 10L, 20L, 30L, 40L], new[] { 0, 0.2499, 0.25, 0.5, 0.9999 }.Select(list.At));
        var range = new ContinuousDomain(8, 128);
        Assert.Equal(8.0, range.At(0));
        Assert.Equal(68.0, range.At(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => range.At(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.At(-0.1));
    }

    [Fact]
    public void An_assignment_resolves_to_the_arch_the_grid_would_build()
    {
        var spec = SpecFixture.Load("axes:\n  rows: [4, 8]\n  dataflow: [ws, is]\n  pe_variant: [mac, ent]\n");
        var space = spec.Space;
        var arch = space.Resolve(space.AtIndices([1, 0, 1]));
        Assert.Equal(new SystolicSpec(8, 8, Dataflow.Ws), arch.Tile);
        Assert.Equal("systolic-8x8-ws-ent", arch.Name);
        Assert.Equal(arch, space.Resolve(space.AtUnit([0.9, 0.1, 0.7])));
        Assert.Equal(SweepPlan.Expand(spec)[5].Arch, arch); // index (1, 0, 1) of a 2 × 2 × 2 grid is the sixth point
    }
}
