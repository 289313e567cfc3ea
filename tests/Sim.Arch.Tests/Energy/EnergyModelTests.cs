using CsCheck;
using Sim.Arch.Energy;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Energy;

public class EnergyModelTests
{
    private static readonly ArchSpec s_os4 = ArchSpec.Default(new SystolicSpec(4, 4, Dataflow.Os));

    [Fact]
    public void Energy_is_actions_times_energy_per_action_on_a_hand_case()
    {
        // 4×4×4 GEMM on a 4×4 OS array, int8, everything fits: one fold.
        // SRAM: A 16 + B 16 words read, Z 16 written; DRAM: A 16 + B 16 bytes read, Z 16 written.
        var r = TileEvaluator.Evaluate("g", new GemmShape(4, 4, 4), s_os4, SimMode.Default);
        Assert.Equal((16, 16, 16, 0), (r.SramReadsIfmapWords, r.SramReadsFilterWords, r.SramWritesOfmapWords, r.SramReadsOfmapWords));
        Assert.Equal((16, 16, 16, 0), (r.DramReadsIfmapBytes, r.DramReadsFilterBytes, r.DramWritesOfmapBytes, r.DramReadsOfmapBytes));

        var e = r.Energy!;
        Assert.Equal(64 * 0.70, e.MacPj, 9);               // 64 MACs × 0.70 pJ (systolic OS default)
        Assert.Equal(0, e.AccumulatorPj);                  // OS accumulates in the PEs
        Assert.Equal((48 + 48) * 1.28, e.SramPj, 9);       // reads 32 + drain 16 B; writes 16 + fills 32 B
        Assert.Equal(48 * 28.7, e.DramPj, 9);              // 48 DRAM bytes
        Assert.Equal(44.8 + 122.88 + 1377.6, e.TotalPj, 9);
    }

    [Fact]
    public void Overrides_replace_defaults_and_the_variant_scales_the_mac_figures()
    {
        var arch = s_os4 with { Costs = new CostSpec(PeVariant.BitWeight, MacPj: 1.04, DramPjPerByte: 0, MacAreaUm2: 1270) };
        var t = CostResolver.Resolve(arch);
        Assert.Equal(1.0, t.MacPj, 12);        // 1.04 / the systolic energy-efficiency gain 1.04
        Assert.Equal(1000, t.MacAreaUm2, 9);   // 1270 / the systolic area-efficiency gain 1.27
        Assert.Equal(0, t.DramPjPerByte);
        Assert.Equal(CostDefaults.SramPjPerByte, t.SramReadPjPerByte);
    }

    [Theory]
    [InlineData("cube", 1.28, 1.56)]
    [InlineData("addertree", 1.56, 1.49)]
    [InlineData("matrix2d", 1.44, 1.20)]
    public void Bit_weight_gains_are_the_papers_per_engine(string kind, double areaGain, double energyGain)
    {
        TileSpec tile = kind switch
        {
            "cube" => new Cube3DSpec(8, 8, 8),
            "addertree" => new AdderTreeSpec(16, 16),
            _ => new Matrix2DSpec(16, 16),
        };
        Assert.Equal((areaGain, energyGain), PeVariantFactors.Of(PeVariant.BitWeight, tile, 1.0));
    }

    [Theory]
    [InlineData(256, 1.0, 1.087, 1.130)]   // 256 GMAC/s: the 256 GOPS engine
    [InlineData(1024, 1.0, 1.122, 1.175)]  // 1 TOPS
    [InlineData(4096, 1.0, 1.110, 1.155)]  // 4 TOPS
    [InlineData(512, 1.0, 1.087, 1.130)]   // exactly between 256 and 1024 in log2: the tie goes to the smaller scale
    [InlineData(512, 1.01, 1.122, 1.175)]  // a hair faster is nearer 1 TOPS
    [InlineData(16384, 1.0, 1.110, 1.155)] // beyond the largest scale: its figures
    public void EnT_gains_follow_the_nearest_engine_scale(int pes, double clockGhz, double areaGain, double energyGain)
    {
        Assert.Equal((areaGain, energyGain), PeVariantFactors.Of(PeVariant.EnT, new Matrix2DSpec(pes, 1), clockGhz));
    }

    [Fact]
    public void Area_is_macs_times_mac_area_plus_scratchpad_kb_times_kb_area()
    {
        // 16 PEs × 1471 µm² + (64+64+64) KB × 1258 µm²/KB.
        var a = AreaModel.Of(s_os4, CostResolver.Resolve(s_os4));
        Assert.Equal(16 * 1471, a.MacUm2, 9);
        Assert.Equal(192 * 1258, a.SramUm2, 9);
        Assert.Equal((16 * 1471 + 192 * 1258) / 1e6, a.TotalMm2, 12);
    }

    [Fact]
    public void Energy_grows_with_every_action_and_equals_the_sum_of_components()
    {
        Gen.Select(Gen.Long[1, 300], Gen.Long[1, 300], Gen.Long[1, 300], Gen.Enum<Dataflow>()).Sample((m, n, k, df) =>
        {
            var arch = ArchSpec.Default(new SystolicSpec(8, 8, df)) with { Dram = new DramSpec(4, 10) };
            var r = TileEvaluator.Evaluate("g", new GemmShape(m, n, k), arch, SimMode.Default);
            var e = r.Energy!;
            var t = CostResolver.Resolve(arch);
            return e.MacPj == r.Macs * t.MacPj
                && Math.Abs(e.TotalPj - (e.MacPj + e.AccumulatorPj + e.SramPj + e.DramPj)) < 1e-9 * e.TotalPj
                && e.DramPj == r.DramBytes * t.DramPjPerByte
                && e.SramPj > 0;
        });
    }

    [Fact]
    public void Breakdowns_add_component_wise()
    {
        var sum = new EnergyBreakdown(1, 2, 3, 4) + new EnergyBreakdown(10, 20, 30, 40);
        Assert.Equal(new EnergyBreakdown(11, 22, 33, 44), sum);
        Assert.Equal(110, sum.TotalPj);
    }

    [Fact]
    public void A_cube_pays_for_its_l0c_accumulators_at_the_sram_rate()
    {
        // 16×16×32 on a 16×16×16 cube, int8, one fold of k = 2 steps, everything fits. MACs 8192.
        // SRAM words: A 16·32 = 512, B 32·16 = 512, Z 256. L0C: 256 outputs × 2 steps written = 512 words, read back by
        // step 2 (256) and by the drain (256) = 512 words: 1024 words × 4 B = 4096 B. DRAM: A 512 + B 512 + Z 256 B.
        var arch = ArchSpec.Default(new Cube3DSpec(16, 16, 16));
        var r = TileEvaluator.Evaluate("g", new GemmShape(16, 16, 32), arch, SimMode.Default);
        Assert.Equal(4096, r.AccumulatorAccessBytes);
        var e = r.Energy!;
        Assert.Equal(8192 * 0.42, e.MacPj, 9);
        Assert.Equal(4096 * 1.28, e.AccumulatorPj, 9);
        // SRAM reads: A+B 1024 B + the 256 B drained to DRAM; writes: Z 256 B + the 1024 B filled from DRAM.
        Assert.Equal((1280 + 1280) * 1.28, e.SramPj, 9);
        Assert.Equal(1280 * 28.7, e.DramPj, 9);
    }

    [Fact]
    public void Partial_sums_are_charged_at_32_bits_and_outputs_at_the_operand_width()
    {
        // 4×4×32 on an adder tree of 4 lanes × 16: 2 K folds (rows ← K), 1 column fold. MACs 512 × 0.60 pJ.
        // SRAM words: inputs 1·4·32 = 128, weights 32·4 = 128, Z written 2·16 = 32, read back 16.
        // The 16-element partial-sum tile (64 B) stays on chip: DRAM reads A 2·4·16 = 128 + B 2·16·4 = 128, writes Z 16.
        // SRAM reads: 256 operand B + 16 read-backs × 4 B + 16 B drained = 336 B;
        // SRAM writes: 16 finished outputs × 1 B + 16 partial sums × 4 B + 256 B filled = 336 B.
        var arch = ArchSpec.Default(new AdderTreeSpec(4, 16));
        var r = TileEvaluator.Evaluate("g", new GemmShape(4, 4, 32), arch, SimMode.Default);
        Assert.Equal((128, 128, 32, 16), (r.SramReadsIfmapWords, r.SramReadsFilterWords, r.SramWritesOfmapWords, r.SramReadsOfmapWords));
        Assert.Equal((256, 16), (r.DramReadsIfmapBytes + r.DramReadsFilterBytes, r.DramWritesOfmapBytes));
        var e = r.Energy!;
        Assert.Equal(512 * 0.60, e.MacPj, 9);
        Assert.Equal(0, e.AccumulatorPj);
        Assert.Equal((336 + 336) * 1.28, e.SramPj, 9);
        Assert.Equal(272 * 28.7, e.DramPj, 9);
    }
}
