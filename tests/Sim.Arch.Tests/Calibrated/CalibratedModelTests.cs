using CsCheck;
using Sim.Arch.Calibrated;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Calibrated;

/// <summary>
/// The calibrated tile by hand: units 2, 16 MACs/cycle/unit, tile 6×16, block_n 4096, block_k 256, efficiency 0.8,
/// overhead 10, launch 1000, B packing 0.25 cycles per byte, fp32, 8 B/cycle. Each expected number is worked out in the comments.
/// </summary>
public class CalibratedModelTests
{
    private static readonly CalibratedTileSpec s_tile = new(2, 16, 6, 16, 120, 4096, 256, 0.8, 10, 1000, 0.25);

    private static ArchSpec Arch(CalibratedTileSpec tile, double bandwidth = 8) =>
        new("c", tile, new ScratchpadSpec(64, 64, 64), new DramSpec(bandwidth, 0), 3.0, 4);

    private static OpResult Eval(GemmShape g, CalibratedTileSpec tile, double bandwidth = 8) =>
        TileEvaluator.Evaluate("op", g, Arch(tile, bandwidth), SimMode.Default);

    [Fact]
    public void Odd_shape_by_hand()
    {
        // M=13 N=40 K=300: row tiles ⌈13/6⌉ = 3, column tiles ⌈40/16⌉ = 3, tiles 9; the critical unit owns ⌈3/2⌉ = 2
        // row tiles × 3 = 6 tiles; k steps ⌈300/256⌉ = 2.
        // compute 6·6·16·300 / (16·0.8) = 13500; overhead 6·2·10 = 120; launch 1000 → compute cycles 14620.
        // streamed: A M·K·⌈N/4096⌉ = 3900 words + C M·N·(2·2 − 1) = 520·3 = 1560 words (stored by the first K block,
        // read and written by the second) = 5460 words = 21840 B / 8 → 2730 cycles;
        // B packed: K·N = 12000 words = 48000 B · 0.25 → 12000 cycles. Stall 14730, total 29350.
        var r = Eval(new GemmShape(13, 40, 300), s_tile);
        Assert.Equal(14620, r.ComputeCycles);
        Assert.Equal(14730, r.StallCycles);
        Assert.Equal(29350, r.TotalCycles);
        Assert.Equal(9, r.Folds);
        Assert.Equal(156000 / (32.0 * 29350), r.Utilization, 12);
        Assert.Equal(156000 / (6.0 * 2 * 6 * 16 * 300), r.MappingEfficiency, 12);
        Assert.Equal(13 * 300 * 4, r.DramReadsIfmapBytes);
        Assert.Equal(300 * 40 * 4, r.DramReadsFilterBytes);
        // C: written by both K blocks (13·40·2 words), read back only by the second (13·40·1).
        Assert.Equal(13 * 40 * 2 * 4, r.DramWritesOfmapBytes);
        Assert.Equal(13 * 40 * 1 * 4, r.DramReadsOfmapBytes);
        // 15600 (A) + 48000 (B) + 4160 + 2080 (C) = 69840 = streamed 21840 + packed 48000.
        Assert.Equal(69840, r.DramBytes);
    }

    [Fact]
    public void Decode_shape_by_hand_one_unit_idles()
    {
        // M=1 N=K=4096: one row tile, so one unit does all 256 column tiles (the other idles); k steps 16.
        // compute 256·6·16·4096 / 12.8 = 7864320; overhead 256·16·10 = 40960; launch 1000 → 7906280.
        // streamed (A 4096 + C 4096·(2·16 − 1) = 126976) = 131072 words · 4 = 524288 B / 8 → 65536;
        // B packed 4096² · 4 = 67108864 B · 0.25 → 16777216. Stall 65536 + 16777216 = 16842752.
        var r = Eval(new GemmShape(1, 4096, 4096), s_tile);
        Assert.Equal(7906280, r.ComputeCycles);
        Assert.Equal(16842752, r.StallCycles);
        Assert.Equal(4096.0 * 4096 / (256.0 * 2 * 6 * 16 * 4096), r.MappingEfficiency, 12);
    }

    [Fact]
    public void Unlimited_dram_costs_no_stall_and_fractional_terms_round_up_once()
    {
        // M=12 N=32 K=10: 2 row tiles → 1 per unit; 2 column tiles → 2 tiles on the critical unit; compute 2·96·10 / 12.8 = 150; overhead 2·1·10 = 20; launch 0.5 → 170.5 → 171.
        var tile = s_tile with { LaunchCycles = 0.5, BPackCyclesPerByte = 0 };
        var r = Eval(new GemmShape(12, 32, 10), tile, double.PositiveInfinity);
        Assert.Equal(171, r.ComputeCycles);
        Assert.Equal(0, r.StallCycles);
        // B packing is a cost of the core, not of DRAM: 10·32·4 B · 0.25 = 320 cycles even with unlimited DRAM.
        var packed = Eval(new GemmShape(12, 32, 10), tile with { BPackCyclesPerByte = 0.25 }, double.PositiveInfinity);
        Assert.Equal(171, packed.ComputeCycles);
        Assert.Equal(320, packed.StallCycles);
    }

    [Fact]
    public void Features_dot_coefficients_is_the_model()
    {
        var g = new GemmShape(13, 40, 300);
        var f = CalibratedFeatures.Of(g, s_tile, 4);
        Assert.Equal([1, 6 * 6 * 16 * 300, 12, 21840, 48000], f.Vector());
        Assert.Equal(29350, CalibratedFeatures.Dot(CalibratedFeatures.Coefficients(s_tile, 8), f.Vector()), 9);
    }

    [Fact]
    public void Dram_bytes_are_the_features_streamed_and_packed_bytes()
    {
        Gen.Select(Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Int[1, 64], Gen.Int[1, 600], Gen.Int[1, 600])
            .Sample((m, n, k, units, blockN, blockK) =>
            {
                var tile = s_tile with { Units = units, BlockN = blockN, BlockK = blockK };
                var g = new GemmShape(m, n, k);
                var f = CalibratedFeatures.Of(g, tile, 4);
                return Eval(g, tile).DramBytes == (long)(f.StreamBytes + f.BPackBytes);
            });
    }

    [Fact]
    public void Registered_and_energy_is_unknown_not_invented()
    {
        Assert.IsType<CalibratedModel>(TileModels.For(s_tile));
        Assert.Null(TileFeasibility.Problem(Arch(s_tile)));
        var r = Eval(new GemmShape(64, 64, 64), s_tile);
        Assert.True(double.IsNaN(r.Energy!.TotalPj));
        var priced = TileEvaluator.Evaluate("op", new GemmShape(64, 64, 64), Arch(s_tile) with { Costs = new CostSpec(MacPj: 2) }, SimMode.Default);
        Assert.Equal(64 * 64 * 64 * 2.0, priced.Energy!.MacPj, 9);
    }

    private static readonly Gen<(GemmShape Gemm, int Units, int MoreUnits, double Eff, double MoreEff)> s_growth =
        Gen.Select(Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Long[1, 3000], Gen.Int[1, 64], Gen.Int[0, 64], Gen.Double[0.05, 1], Gen.Double[0, 1])
            .Select((m, n, k, u, du, e, de) => (new GemmShape(m, n, k), u, u + du, e, e + ((1 - e) * de)));

    [Fact]
    public void More_units_or_efficiency_is_never_slower()
    {
        s_growth.Sample(c =>
        {
            var slow = Eval(c.Gemm, s_tile with { Units = c.Units, Efficiency = c.Eff }).TotalCycles;
            var fast = Eval(c.Gemm, s_tile with { Units = c.MoreUnits, Efficiency = c.MoreEff }).TotalCycles;
            return fast <= slow;
        });
    }

    [Fact]
    public void Utilization_and_mapping_efficiency_are_in_0_1()
    {
        s_growth.Sample(c =>
        {
            var r = Eval(c.Gemm, s_tile with { Units = c.Units, Efficiency = c.Eff });
            return r.Utilization > 0 && r.Utilization <= 1 && r.MappingEfficiency > 0 && r.MappingEfficiency <= 1
                && r.ComputeCycles >= 1 && r.StallCycles >= 0;
        });
    }
}
