using CsCheck;
using Sim.Arch.Vector;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Vector;

/// <summary>The vector-op model against numbers worked out by hand (docs/vector-ops.md has the equations).</summary>
public class VectorOpModelTests
{
    /// <summary>1-byte words, 2 B/cycle DRAM, 128-lane default vector unit at 0.5 pJ/op; SRAM 0.25 + 0.75 pJ/B, DRAM 10 pJ/B.</summary>
    private static readonly ArchSpec s_arch = new("v", new SystolicSpec(8, 8, Dataflow.Os), new ScratchpadSpec(16, 16, 16), new DramSpec(2, 0), 1, 1)
    {
        Costs = new CostSpec(SramReadPjPerByte: 0.25, SramWritePjPerByte: 0.75, DramPjPerByte: 10),
        Vector = VectorUnitSpec.Default with { PjPerOp = 0.5 },
    };

    private static VectorOp Op(string function, long[] shape, long input, long window = 1, long parameters = 0) =>
        new("v", [], function, shape, input, window, parameters);

    [Fact]
    public void A_relu_of_1000_elements_is_8_lane_cycles_against_1000_DRAM_cycles()
    {
        var r = VectorOpModel.Evaluate(Op("relu", [1000], 1000), s_arch);
        // One max per element: ⌈1000 / 128⌉ = 8 cycles. Bytes (1000 in + 1000 out) · 1 B at 2 B/cycle = 1000 cycles.
        Assert.Equal((8L, 0L, 8L), (r.ArithmeticCycles, r.MoveCycles, r.ComputeCycles));
        Assert.Equal((1000L, 0L, 1000L), (r.DramReadInputBytes, r.DramReadParameterBytes, r.DramWriteBytes));
        Assert.Equal((1000L, 1000L, 992L), (r.MemoryCycles, r.TotalCycles, r.StallCycles));
        // 1000 lane-cycles × 0.5 pJ; 2000 B each written and read once in the scratchpad (0.25 + 0.75); 2000 B × 10 pJ of DRAM.
        Assert.Equal(1000, r.LaneCycles);
        Assert.Equal(500, r.VectorPj, 9);
        Assert.Equal(2000, r.SramPj, 9);
        Assert.Equal(20_000, r.DramPj, 9);
        Assert.Equal(22_500, r.EnergyPj, 9);
    }

    [Fact]
    public void Softmax_rows_pay_per_element_and_per_row_ops()
    {
        // 4 rows of 100: per element 1 max, 2 adds, 1 mul, 1 exp; per row 1 reciprocal (exp class).
        // maxes 400, adds 800, muls 400, exps 404 → ⌈400/128⌉ + ⌈800/128⌉ + ⌈400/128⌉ + 7·⌈404/128⌉ = 4 + 7 + 4 + 28 = 43 cycles.
        var r = VectorOpModel.Evaluate(Op("softmax", [4, 100], 400, window: 100), s_arch with { Dram = DramSpec.Unlimited });
        Assert.Equal(43, r.ComputeCycles);
        Assert.Equal(0, r.MemoryCycles); // unlimited DRAM
        Assert.Equal((43L, 0L), (r.TotalCycles, r.StallCycles));
        // Lane-cycles: 400 + 800 + 400 + 7 · 404 = 4428.
        Assert.Equal(4428, r.LaneCycles);
        Assert.Equal(2214, r.VectorPj, 9);
        Assert.Equal(800, r.DramReadInputBytes + r.DramWriteBytes); // DRAM bytes still move, they just take no time
    }

    [Fact]
    public void A_move_copies_one_element_per_lane_per_cycle()
    {
        // Transpose of 3 × 100 = 300 elements: no arithmetic, ⌈300 / 128⌉ = 3 cycles, 300 lane-cycles.
        var r = VectorOpModel.Evaluate(Op("transpose", [3, 100], 300), s_arch with { Dram = new DramSpec(12.8, 0) });
        Assert.Equal((0L, 3L, 3L), (r.ArithmeticCycles, r.MoveCycles, r.ComputeCycles));
        Assert.Equal(300, r.LaneCycles);
        // 600 B at 12.8 B/cycle = 46.875 → 47 cycles, exactly.
        Assert.Equal(47, r.MemoryCycles);
        Assert.Equal(44, r.StallCycles);
    }

    [Fact]
    public void Parameters_are_read_from_DRAM_beside_the_inputs()
    {
        // Batch norm over 16 channels of 10 × 10, scale and shift per channel (32 parameters), 2-byte words.
        var arch = s_arch with { WordBytes = 2 };
        var r = VectorOpModel.Evaluate(Op("batch_norm", [1, 16, 10, 10], 1600, parameters: 32), arch);
        // One add + one mul per element: 2 · ⌈1600/128⌉ = 26 cycles; (1600 + 32 + 1600) · 2 B = 6464 B at 2 B/cycle.
        Assert.Equal(26, r.ComputeCycles);
        Assert.Equal((3200L, 64L, 3200L), (r.DramReadInputBytes, r.DramReadParameterBytes, r.DramWriteBytes));
        Assert.Equal(3232, r.MemoryCycles);
        Assert.Equal(6464 * 10, r.DramPj, 9);
    }

    [Fact]
    public void Without_its_own_figure_a_lane_op_costs_the_archs_MAC_energy()
    {
        var arch = s_arch with { Vector = VectorUnitSpec.Default, Costs = s_arch.Costs with { MacPj = 0.125 } };
        Assert.Equal(1000 * 0.125, VectorOpModel.Evaluate(Op("relu", [1000], 1000), arch).VectorPj, 9);
    }

    [Fact]
    public void An_unbuildable_op_is_refused_with_its_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => VectorOpModel.Evaluate(Op("softmax", [10], 10, window: 3), s_arch));
        Assert.Contains("row length (window) 3 does not divide", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_is_the_roofline_of_compute_and_memory_and_more_bandwidth_never_slows_it()
    {
        var functions = VectorFunctions.All.Where(f => f.Class != VectorFunctionClass.Normalize).Select(f => f.Name).ToArray();
        Gen.Select(Gen.Int[0, functions.Length - 1].Select(i => functions[i]), Gen.Long[1, 5000], Gen.Int[1, 64], Gen.Long[0, 300])
            .Sample((function, elements, bandwidth, parameters) =>
            {
                var op = Op(function, [elements], elements, window: 1, parameters: parameters);
                var slow = VectorOpModel.Evaluate(op, s_arch with { Dram = new DramSpec(bandwidth, 0) });
                var fast = VectorOpModel.Evaluate(op, s_arch with { Dram = new DramSpec(bandwidth * 2, 0) });
                Assert.Equal(Math.Max(slow.ComputeCycles, slow.MemoryCycles), slow.TotalCycles);
                Assert.Equal(slow.TotalCycles - slow.ComputeCycles, slow.StallCycles);
                Assert.True(fast.TotalCycles <= slow.TotalCycles);
                // ⌈bytes / bandwidth⌉ with an integer bandwidth, by integer division.
                var bytes = (2 * elements) + parameters;
                Assert.Equal((bytes + bandwidth - 1) / bandwidth, slow.MemoryCycles);
                Assert.True(slow.ComputeCycles >= (elements + 127) / 128 || VectorFunctions.Get(function).Class == VectorFunctionClass.Reduce);
            });
    }
}
