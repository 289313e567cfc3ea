using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Core.Tests.Config;

public class DramTimingYamlTests
{
    private const string Head = """
        name: d
        tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
        scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}
        """;

    private static ArchSpec Arch(string dram, string extra = "") => ArchYaml.Parse("a.yaml", Head + extra + "\ndram:\n" + dram + "\n");

    [Fact]
    public void An_arch_without_timing_keeps_its_dram_fields_and_no_timing_model()
    {
        var arch = Arch("  bandwidth_bytes_per_cycle: 16\n  latency_cycles: 100");
        Assert.Null(arch.DramTiming);
        Assert.Equal(new DramSpec(16, 100), arch.Dram);
    }

    [Fact]
    public void A_preset_with_overrides_round_trips()
    {
        var arch = Arch("  bandwidth_bytes_per_cycle: 16\n  timing: {preset: samsung-hbm-pim, channels: 32, t_faw: 20, t_ccd_l: 6, name: mine}");
        var p = DramPresets.SamsungHbmPim;
        Assert.Equal(p with { Name = "mine", Channels = 32, Timings = p.Timings with { TfawCycles = 20, TccdLCycles = 6 } }, arch.DramTiming);
        Assert.Equal(new DramSpec(16, 14 + 20), arch.Dram); // the explicit bandwidth wins; the omitted latency is tRCD + CL
    }

    [Fact]
    public void Every_field_can_be_overridden_and_the_default_preset_is_neupims_hbm2()
    {
        var arch = Arch("""
              timing:
                channels: 8
                ranks: 1
                bank_groups: 2
                banks_per_group: 8
                row_bytes: 2048
                burst_bytes: 32
                burst_cycles: 4
                clock_ghz: 1.5
                cl: 1
                cwl: 2
                t_rcd: 3
                t_rp: 4
                t_ras: 5
                t_faw: 6
                t_rrd_s: 7
                t_rrd_l: 8
                t_ccd_s: 9
                t_ccd_l: 10
                t_rfc: 11
                t_refi: 120
                t_wr: 13
                t_rtp: 14
                t_wtr_s: 15
                t_wtr_l: 16
                t_ccd_r: 17
            """);
        Assert.Equal(
            new DramTimingSpec("neupims-hbm2", 8, 1, 2, 8, 2048, 32, 4, 1.5, new DramTimings(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 120, 13, 14, 15, 16) { TccdRCycles = 17 }),
            arch.DramTiming);
        Assert.Equal(DramPresets.NeuPimsHbm2, Arch("  timing: {}").DramTiming);
    }

    [Fact]
    public void Without_an_explicit_bandwidth_the_timing_model_derives_it_in_arch_cycles()
    {
        // NeuPIMs HBM2: 1024 B/memory cycle × (1 − (tRTP 5 + tRP 14 + tRFC 260 + tRCD 14) / tREFI 3900); latency tRCD + CL = 28.
        var seq = 1024 * (1 - (293.0 / 3900));
        var arch = Arch("  timing: {preset: neupims-hbm2}");
        Assert.Equal(seq, arch.Dram.BandwidthBytesPerCycle, 9);
        Assert.Equal(28, arch.Dram.LatencyCycles);
        // A 2 GHz arch clock sees half the bytes per (shorter) cycle and twice the cycles of latency.
        var fast = Arch("  timing: {preset: neupims-hbm2}", "\nclock_ghz: 2");
        Assert.Equal(seq / 2, fast.Dram.BandwidthBytesPerCycle, 9);
        Assert.Equal(56, fast.Dram.LatencyCycles);
        Assert.Equal(7, Arch("  latency_cycles: 7\n  timing: {preset: neupims-hbm2}").Dram.LatencyCycles);
    }

    [Theory]
    [InlineData("{preset: hbm9}", "a.yaml:5:20: field 'dram.timing.preset': unknown DRAM preset 'hbm9'. Fix: use one of: neupims-hbm2, samsung-hbm-pim, aim-gddr6")]
    [InlineData("{chanels: 4}", "a.yaml:5:12: field 'dram.timing.chanels': unknown key. Fix: did you mean 'channels'?")]
    [InlineData("{channels: 0}", "a.yaml:5:22: field 'dram.timing.channels': 0 is below the minimum 1")]
    [InlineData("{channels: 24}", "a.yaml:5:22: field 'dram.timing.channels': 24 is not a power of two. Fix: give a power of two such as 32")]
    [InlineData("{t_faw: -3}", "a.yaml:5:19: field 'dram.timing.t_faw': -3 is below the minimum 1")]
    [InlineData("{t_rcd: x}", "a.yaml:5:19: field 'dram.timing.t_rcd': 'x' is not an integer")]
    [InlineData("{t_ras: 10}", "a.yaml:5:19: field 'dram.timing.t_ras': tRAS 10 is shorter than tRCD 14")]
    [InlineData("{t_rcd: 40}", "a.yaml:5:19: field 'dram.timing.t_rcd': tRAS 34 is shorter than tRCD 40")]
    [InlineData("{t_refi: 200}", "a.yaml:5:20: field 'dram.timing.t_refi': tREFI 200 is not longer than a refresh's cost tRTP + tRP + tRFC + tRCD = 293")]
    [InlineData("{t_rfc: 11, t_refi: 12}", "a.yaml:5:31: field 'dram.timing.t_refi': tREFI 12 is not longer than a refresh's cost tRTP + tRP + tRFC + tRCD = 44. Fix: the device would refresh all the time: give t_refi > 44")]
    [InlineData("{t_rfc: 3880}", "a.yaml:5:19: field 'dram.timing.t_rfc': tREFI 3900 is not longer than a refresh's cost tRTP + tRP + tRFC + tRCD = 3913")]
    [InlineData("{channels: 8192}", "a.yaml:5:22: field 'dram.timing.channels': 8192 is above the maximum 4096")]
    [InlineData("{channels: 2097152}", "a.yaml:5:22: field 'dram.timing.channels': 2097152 is above the maximum 4096")]
    [InlineData("{clock_ghz: 1e-300}", "a.yaml:5:23: field 'dram.timing.clock_ghz': 1E-300 GHz is below 0.01 GHz")]
    [InlineData("{t_ccd_s: 3}", "a.yaml:5:21: field 'dram.timing.t_ccd_s': tCCD_L 2 is shorter than tCCD_S 3. Fix: the same-bank-group spacing is never shorter than the cross-group one: give t_ccd_l ≥ t_ccd_s")]
    [InlineData("{t_rrd_l: 3}", "a.yaml:5:21: field 'dram.timing.t_rrd_l': tRRD_L 3 is shorter than tRRD_S 4")]
    [InlineData("{t_wtr_l: 5}", "a.yaml:5:21: field 'dram.timing.t_wtr_l': tWTR_L 5 is shorter than tWTR_S 6")]
    [InlineData("{t_ccd_r: 0}", "a.yaml:5:21: field 'dram.timing.t_ccd_r': 0 is below the minimum 1")]
    [InlineData("{row_bytes: 1000}", "a.yaml:5:23: field 'dram.timing.row_bytes': 1000 B rows are not a whole number of 64 B bursts")]
    [InlineData("{burst_bytes: 48}", "a.yaml:5:25: field 'dram.timing.burst_bytes': 1024 B rows are not a whole number of 48 B bursts")]
    [InlineData("{row_bytes: 192}", "a.yaml:5:23: field 'dram.timing.row_bytes': 3 bursts per row is not a power of two")]
    [InlineData("{clock_ghz: 0}", "a.yaml:5:23: field 'dram.timing.clock_ghz': 0 must be greater than 0")]
    [InlineData("4", "a.yaml:5:11: field 'dram.timing': expected a mapping")]
    public void Bad_timing_fields_name_file_line_field_and_fix(string timing, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Arch("  timing: " + timing));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_timing_the_bandwidth_is_still_required()
    {
        var e = Assert.Throws<SimInputException>(() => Arch("  latency_cycles: 3"));
        Assert.Contains("field 'dram.bandwidth_bytes_per_cycle': required field is missing", e.Message, StringComparison.Ordinal);
    }
}
