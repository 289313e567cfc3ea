using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>
/// A spec v2 test bench: a fixed 8-line head (a systolic base with simple area figures — a MAC is 1000 µm², an SRAM KB
/// 500 µm², 20 KB of scratchpad, so area_mm2 = PEs/1000 + 0.01 — and one tiny GEMM workload); the text under test
/// starts on line 9.
/// </summary>
internal static class SpecFixture
{
    public const string Head = """
        name: t
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
          costs: {mac_area_um2: 1000, sram_area_um2_per_kb: 500}
        workloads: [w.yaml]
        """;

    private const string Workload = """
        name: tiny
        ops:
          - {name: fc, kind: gemm, m: 16, n: 16, k: 16}
        """;

    public static SweepSpec Load(TempDirectory dir, string rest) => SweepSpecYaml.Read(InputFile.Read(Write(dir, rest)));

    /// <summary>Writes the workload and the spec (head + <paramref name="rest"/>) into <paramref name="dir"/>; returns the spec's path.</summary>
    public static string Write(TempDirectory dir, string rest, string fileName = "sweep.yaml")
    {
        ArgumentNullException.ThrowIfNull(dir);
        dir.Write("w.yaml", Workload);
        return dir.Write(fileName, Head + "\n" + rest);
    }

    public static SweepSpec Load(string rest)
    {
        using var dir = new TempDirectory();
        return Load(dir, rest);
    }

    public static SimInputException Error(string rest) => Assert.Throws<SimInputException>(() => Load(rest));

    /// <summary>(rows, cols) of each planned point, in plan order.</summary>
    public static List<(int Rows, int Cols)> Shapes(SweepSpec spec) =>
        [.. SweepPlan.Expand(spec).Select(p => Sim.Core.Hardware.TileGrid.Of(p.Arch.Tile)).Select(g => (g.Rows, g.Cols))];
}
