using System.Globalization;
using System.Text;
using Sim.Arch.Native;

namespace Sim.Explorer.Calibration;

/// <summary>
/// calibration.yaml: a complete arch (<c>sim run calibration.yaml workload.yaml</c>) with the calibrated tile, the
/// measured clock and the fitted bandwidth; header comments say where it came from and how well it predicts. Numbers
/// are written round-trip ("R") so a reload predicts exactly what the fit did. The scratchpads are the target's
/// cache blocks (A block BlockM×BlockK, B panel BlockK×BlockN, C block BlockM×BlockN in fp32): the calibrated model
/// does not read them; attention lowerings take them as the on-chip buffer. Both use the tile's block_n, clamped to
/// the reader's maximum (<see cref="CalibrationReport.TileBlockN"/>), so an unbounded target still reads back.
/// </summary>
public static class CalibrationYaml
{
    public static string Text(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (tile, bandwidth) = report.Gemm ?? throw new InvalidOperationException(report.GemmProblem);
        var gemm = report.GemmFit!;
        var b = report.Blocking;
        var s = new StringBuilder();
        void Line(FormattableString text) => s.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"# sim calibrate --target {report.Target}: a timing model of this target's fp32 GEMM fitted to measurements");
        Line($"# device: {OneLine(report.Device)}");
        Line($"# clock: {report.ClockGhz:F4} GHz = peak {report.PeakMacsPerSecondPerUnit / 1e9:F2} GMAC/s per unit / {report.MacsPerCyclePerUnit} MACs per cycle per unit ({report.PeakBasis})");
        Line($"# suite: {report.Suite}, median of {report.Repetitions} runs per shape; held out: every third shape of each kernel");
        Line($"# gemm: held-out MAPE {gemm.HeldOutMapePct:F2} %, max |error| {gemm.HeldOutMaxErrorPct:F2} % over {gemm.HeldOut.Count()} shapes; fit MAPE {gemm.FitMapePct:F2} % over {gemm.Cases.Count(c => !c.Case.HeldOut)}");
        if (report.EfficiencyAtBound)
            Line($"# WARNING: {CalibrationReport.AtBoundNote}");
        if (bandwidth == CalibrationReport.UnboundedBandwidthBytesPerCycle)
            Line($"# the fit gave memory traffic no cost: bandwidth_bytes_per_cycle is a placeholder for 'unbounded'");
        Line($"# energy: unknown (no measured power); give costs: mac_pj etc. to get energy figures");
        Line($"name: calibrated-{report.Target}");
        Line($"clock_ghz: {R(report.ClockGhz)}");
        Line($"word_bytes: {KernelFeatures.WordBytes}");
        Line($"tile:");
        Line($"  kind: calibrated");
        Line($"  units: {tile.Units}");
        Line($"  macs_per_cycle_per_unit: {tile.MacsPerCyclePerUnit}");
        Line($"  tile_m: {tile.TileM}");
        Line($"  tile_n: {tile.TileN}");
        Line($"  block_m: {tile.BlockM}");
        Line($"  block_n: {tile.BlockN}");
        Line($"  block_k: {tile.BlockK}");
        Line($"  efficiency: {R(tile.Efficiency)}");
        Line($"  tile_overhead_cycles: {R(tile.TileOverheadCycles)}");
        Line($"  launch_cycles: {R(tile.LaunchCycles)}");
        Line($"  b_pack_cycles_per_byte: {R(tile.BPackCyclesPerByte)}");
        Line($"scratchpad:");
        Line($"  ifmap_kb: {R(Kb(b.BlockM, b.BlockK))}");
        Line($"  filter_kb: {R(Kb(b.BlockK, tile.BlockN))}");
        Line($"  ofmap_kb: {R(Kb(b.BlockM, tile.BlockN))}");
        Line($"dram:");
        Line($"  bandwidth_bytes_per_cycle: {R(bandwidth)}");
        Line($"  latency_cycles: 0");
        return s.ToString();
    }

    private static double Kb(int rows, int cols) => (double)rows * cols * KernelFeatures.WordBytes / 1024;

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>For tests and the command: the blocking as the YAML records it.</summary>
    public static NativeGemmBlocking Blocking(Core.Hardware.CalibratedTileSpec tile) => Arch.Calibrated.CalibratedFeatures.Blocking(tile);
}
