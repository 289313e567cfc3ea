using System.Text.Json;

namespace Sim.Explorer.Calibration;

/// <summary>calibration.json: per kernel the coefficients with their standard errors, the residual SD and the errors
/// (MAPE on fit and held-out shapes, max held-out |error|, interval coverage); the GEMM tile says whether its
/// efficiency sat at the bound of 1 (then with a note). NaN is written as null.</summary>
public static class CalibrationJson
{
    public static void Write(string path, CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("target", report.Target);
        json.WriteString("device", report.Device);
        json.WriteString("suite", report.Suite);
        json.WriteNumber("repetitions", report.Repetitions);
        Number(json, "clock_ghz", report.ClockGhz);
        Number(json, "peak_macs_per_second_per_unit", report.PeakMacsPerSecondPerUnit);
        json.WriteNumber("macs_per_cycle_per_unit", report.MacsPerCyclePerUnit);
        json.WriteString("peak_basis", report.PeakBasis);
        json.WriteStartObject("blocking");
        json.WriteNumber("units", report.Blocking.Units);
        json.WriteNumber("tile_m", report.Blocking.TileM);
        json.WriteNumber("tile_n", report.Blocking.TileN);
        json.WriteNumber("block_m", report.Blocking.BlockM);
        json.WriteNumber("block_n", report.Blocking.BlockN);
        json.WriteNumber("block_k", report.Blocking.BlockK);
        json.WriteEndObject();
        if (report.Gemm is { } gemm)
        {
            json.WriteStartObject("gemm_tile");
            Number(json, "efficiency", gemm.Tile.Efficiency);
            Number(json, "tile_overhead_cycles", gemm.Tile.TileOverheadCycles);
            Number(json, "launch_cycles", gemm.Tile.LaunchCycles);
            Number(json, "b_pack_cycles_per_byte", gemm.Tile.BPackCyclesPerByte);
            Number(json, "bandwidth_bytes_per_cycle", gemm.BandwidthBytesPerCycle);
            json.WriteBoolean("efficiency_at_bound", report.EfficiencyAtBound);
            if (report.EfficiencyAtBound)
                json.WriteString("note", CalibrationReport.AtBoundNote);
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("gemm_problem", report.GemmProblem);
        }

        json.WriteStartArray("kernels");
        foreach (var k in report.Kernels)
        {
            json.WriteStartObject();
            json.WriteString("kernel", CalibrationRow.KernelName(k.Kernel));
            json.WriteStartArray("coefficients");
            for (int i = 0; i < k.FeatureNames.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("name", k.FeatureNames[i]);
                Number(json, "value", k.Fit.Coefficients[i]);
                Number(json, "stderr", k.Fit.StandardErrors[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("fit_shapes", k.Cases.Count(c => !c.Case.HeldOut));
            json.WriteNumber("held_out_shapes", k.HeldOut.Count());
            Number(json, "residual_sd_relative", k.Fit.ResidualSd);
            Number(json, "fit_mape_pct", k.FitMapePct);
            Number(json, "held_out_mape_pct", k.HeldOutMapePct);
            Number(json, "held_out_max_error_pct", k.HeldOutMaxErrorPct);
            Number(json, "held_out_interval_coverage", k.HeldOutCoverage);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var s in report.Skipped)
            json.WriteStringValue(s);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, value);
        else
            json.WriteNull(name);
    }
}
