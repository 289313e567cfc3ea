using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Import;

namespace Sim.Explorer.Tests.Import;

public class ScaleSimConfigImporterTests
{
    /// <summary>
    /// configs/scale.cfg of github.com/scalesim-project/scale-sim-v2 (commit 22f88b17f1dd, Feb 2025), verbatim,
    /// including its mix of '=' and ':' delimiters and trailing spaces.
    /// </summary>
    private const string ShippedScaleCfg = """
        [general]
        run_name = scale_example_run_32x32_os

        [architecture_presets]
        ArrayHeight:    32
        ArrayWidth:     32
        IfmapSramSzkB:   64 
        FilterSramSzkB:  64 
        OfmapSramSzkB:   64 
        IfmapOffset:    0
        FilterOffset:   10000000
        OfmapOffset:    20000000
        Bandwidth : 10
        Dataflow : os
        MemoryBanks:   1

        [run_presets]
        InterfaceBandwidth: CALC 

        """;

    [Fact]
    public void Shipped_scale_cfg_is_a_32x32_os_array_with_64_KB_srams_and_unlimited_dram()
    {
        var cfg = ScaleSimConfigImporter.Parse("scale.cfg", ShippedScaleCfg);

        Assert.Equal("scale_example_run_32x32_os", cfg.RunName);
        var expected = new ArchSpec("scale_example_run_32x32_os", new SystolicSpec(32, 32, Dataflow.Os), new ScratchpadSpec(64, 64, 64),
            DramSpec.Unlimited, ClockGhz: 1.0, WordBytes: 1);
        Assert.Equal(expected, cfg.Arch);
        Assert.Equal(ArchSpec.Default(cfg.Arch.Tile) with { Name = cfg.RunName }, cfg.Arch);
    }

    [Fact]
    public void User_interface_bandwidth_uses_the_first_bandwidth_as_bytes_per_cycle()
    {
        var text = ShippedScaleCfg.Replace("Bandwidth : 10", "Bandwidth : 16, 32", StringComparison.Ordinal)
            .Replace("InterfaceBandwidth: CALC", "InterfaceBandwidth: USER", StringComparison.Ordinal);

        var dram = ScaleSimConfigImporter.Parse("scale.cfg", text).Arch.Dram;

        Assert.Equal(new DramSpec(16, 0), dram);
        Assert.False(dram.IsUnlimited);
    }

    [Fact]
    public void Calc_is_the_default_interface_bandwidth_and_run_name_defaults_to_the_file_name()
    {
        var cfg = ScaleSimConfigImporter.Parse("cfgs/tiny.cfg", """
            ; configparser semantics: comments, case-insensitive keys, '=' or ':'
            [architecture_presets]
            # sizes
            arrayheight = 8
            ARRAYWIDTH: 4
            IfmapSramSzkB = 1
            FilterSramSzkB = 2
            OfmapSramSzkB = 3
            Dataflow = ws
            [network_presets]
            TopologyCsvLoc = "./topologies/conv_nets/test.csv"
            """);

        Assert.Equal("tiny", cfg.RunName);
        Assert.Equal(new SystolicSpec(8, 4, Dataflow.Ws), cfg.Arch.Tile);
        Assert.Equal(new ScratchpadSpec(1, 2, 3), cfg.Arch.Scratchpad);
        Assert.True(cfg.Arch.Dram.IsUnlimited);
    }

    [Theory]
    [InlineData("Dataflow : os", "Dataflow : xs", "scale.cfg:14:12: field 'architecture_presets.Dataflow': 'xs' is not a dataflow", "Fix: use os, ws or is")]
    [InlineData("MemoryBanks:   1", "MemoryBanks:   1\nBankSize: 4", "scale.cfg:16:1: field 'architecture_presets.banksize': unknown key",
        "Fix: known keys in [architecture_presets]: ArrayHeight, ArrayWidth, IfmapSramSzkB")]
    [InlineData("[run_presets]", "[run_preset]", "scale.cfg:17:1: field 'run_preset': unknown section", "Fix: known sections (case-sensitive): [general], [architecture_presets]")]
    [InlineData("ArrayHeight:    32\n", "", "scale.cfg:4:1: field 'architecture_presets.ArrayHeight': required key is missing",
        "Fix: add 'ArrayHeight: ...' to the [architecture_presets] section on line 4")]
    [InlineData("Dataflow : os\n", "", "field 'architecture_presets.Dataflow': required key is missing", "Fix: add 'Dataflow: ...'")]
    [InlineData("OfmapSramSzkB:   64 ", "OfmapSramSzkB:   64k", "scale.cfg:9:18: field 'architecture_presets.OfmapSramSzkB': '64k' is not a positive integer", "Fix: write a whole number")]
    [InlineData("ArrayWidth:     32", "ArrayWidth:     0", "scale.cfg:6:17: field 'architecture_presets.ArrayWidth': '0' is not a positive integer", "Fix: write a whole number")]
    [InlineData("InterfaceBandwidth: CALC", "InterfaceBandwidth: FAST", "scale.cfg:18:21: field 'run_presets.InterfaceBandwidth': 'FAST' is not a bandwidth mode", "Fix: use CALC")]
    [InlineData("InterfaceBandwidth: CALC", "InterfaceBandwidth: USER\nInterfaceBandwidth: CALC", "scale.cfg:19:1: field 'run_presets.interfacebandwidth': key already set on line 18", "Fix: keep one")]
    [InlineData("Bandwidth : 10\n", "[run_presets]\nInterfaceBandwidth: USER\n[architecture_presets]\n", "section already defined on line 4", "Fix: merge")]
    [InlineData("MemoryBanks:   1", "MemoryBanks   1", "scale.cfg:15:1: 'MemoryBanks   1' is neither a [section], a 'key = value' line nor a comment", "Fix: write 'key = value'")]
    [InlineData("Dataflow : os", "Dataflow : os\n  ws", "scale.cfg:15:1: indented line", "Fix: put each 'key = value' on one line")]
    public void Bad_configs_are_reported_at_file_line_with_a_fix(string find, string replace, string expected, string fix)
    {
        var text = ShippedScaleCfg.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ShippedScaleCfg, text);

        var e = Assert.Throws<SimInputException>(() => ScaleSimConfigImporter.Parse("scale.cfg", text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(fix, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_bandwidth_without_a_bandwidth_is_an_error()
    {
        var text = ShippedScaleCfg.Replace("Bandwidth : 10\n", "", StringComparison.Ordinal)
            .Replace("InterfaceBandwidth: CALC", "InterfaceBandwidth: USER", StringComparison.Ordinal);

        var e = Assert.Throws<SimInputException>(() => ScaleSimConfigImporter.Parse("scale.cfg", text));

        Assert.StartsWith("scale.cfg:17:21: field 'architecture_presets.Bandwidth': InterfaceBandwidth is USER but no Bandwidth is given", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: add 'Bandwidth: 10'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_section_is_named_in_the_fix()
    {
        var e = Assert.Throws<SimInputException>(() => ScaleSimConfigImporter.Parse("x.cfg", "[general]\nrun_name = x\n"));

        Assert.Equal("x.cfg: field 'architecture_presets.ArrayHeight': required key is missing. Fix: add a [architecture_presets] section with 'ArrayHeight: ...'", e.Message);
    }
}
