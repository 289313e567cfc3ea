using System.Text.Json;
using Sim.Arch;
using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Calibration;
using Sim.Explorer.Results;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Calibration;

public class CalibrationOutputTests
{
    private static readonly CalibrationReport s_noisy = CalibrationFixture.Report(noiseSd: 0.03);

    [Fact]
    public void The_yaml_reads_back_through_the_arch_reader_and_predicts_what_the_fit_did()
    {
        var text = CalibrationYaml.Text(s_noisy);
        var arch = ArchYaml.Parse("calibration.yaml", text);
        var (tile, bandwidth) = s_noisy.Gemm!.Value;
        Assert.Equal(tile, arch.Tile);
        Assert.Equal(bandwidth, arch.Dram.BandwidthBytesPerCycle);
        Assert.Equal(s_noisy.ClockGhz, arch.ClockGhz);
        Assert.Equal(4, arch.WordBytes);
        Assert.Contains("# device: test double", text, StringComparison.Ordinal);
        Assert.Contains("held-out MAPE", text, StringComparison.Ordinal);
        foreach (var c in s_noisy.GemmFit!.Cases)
        {
            var r = TileEvaluator.Evaluate(c.Case.Name, c.Case.Gemm!.Value, arch, SimMode.Default);
            Assert.Equal((long)Math.Ceiling(c.PredictedCycles), r.TotalCycles, 1.0);
        }
    }

    [Fact]
    public void Write_produces_every_file_with_one_csv_row_per_shape()
    {
        using var dir = new TempDirectory();
        Assert.Null(CalibrationSession.Write(s_noisy, dir.Path));
        foreach (var name in new[] { "calibration.yaml", "calibration.csv", "calibration.json", "predicted_vs_measured.png", "predicted_vs_measured.svg", "roofline.png", "roofline.svg" })
            Assert.True(new FileInfo(dir.File(name)).Length > 100, name);
        var rows = ResultsCsv.Read<CalibrationRow>(dir.File("calibration.csv"));
        Assert.Equal(s_noisy.Kernels.Sum(k => k.Cases.Count), rows.Count);
        Assert.All(rows, r => Assert.True(r.IntervalLowCycles < r.PredictedCycles && r.PredictedCycles < r.IntervalHighCycles));
        Assert.InRange(rows.Count(r => r.MeasuredCycles >= r.IntervalLowCycles && r.MeasuredCycles <= r.IntervalHighCycles) / (double)rows.Count, 0.8, 1);
        Assert.Contains(rows, r => r.Split == "held-out" && r.Kernel == "gemm_f32");
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("calibration.json")));
        var gemm = json.RootElement.GetProperty("kernels")[0];
        Assert.Equal("gemm_f32", gemm.GetProperty("kernel").GetString());
        Assert.Equal(5, gemm.GetProperty("coefficients").GetArrayLength());
        Assert.InRange(gemm.GetProperty("held_out_mape_pct").GetDouble(), 0, 10);
        var svg = File.ReadAllText(dir.File("predicted_vs_measured.svg"));
        Assert.Contains("held-out", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_written_yaml_runs_a_workload()
    {
        using var dir = new TempDirectory();
        CalibrationSession.Write(s_noisy, dir.Path);
        var (code, output, error) = CliRunner.Run("run", dir.File("calibration.yaml"), Path.Combine(RepoPaths.Workloads, "dnn", "resnet18.yaml"), "-o", dir.File("run"));
        Assert.True(code == 0, error);
        Assert.Contains("calibrated", output, StringComparison.Ordinal);
    }

    /// <summary>OpenBLAS-like unbounded column blocks, always tested; plus the blocking of each CPU target this machine has.</summary>
    public static TheoryData<string> CpuBlockings() => ["unbounded", "cpu", "openblas"];

    [Theory]
    [MemberData(nameof(CpuBlockings))]
    public void Every_cpu_targets_blocking_reads_back_through_the_arch_reader(string name)
    {
        NativeGemmBlocking blocking;
        if (name == "unbounded")
        {
            blocking = new(16, 4, 448, int.MaxValue, 448, 2);
        }
        else
        {
            using var target = NativeTargets.Probe(name)!.Target;
            if (target is null)
                return; // not on this machine: the unbounded case above stands in for OpenBLAS
            blocking = target.GemmBlocking;
        }

        var report = CalibrationFixture.Report(quick: true, blocking: blocking);
        var arch = ArchYaml.Parse("calibration.yaml", CalibrationYaml.Text(report));
        var tile = Assert.IsType<CalibratedTileSpec>(arch.Tile);
        Assert.Equal(report.Gemm!.Value.Tile, tile);
        Assert.Equal((int)Math.Min(blocking.BlockN, CalibratedTileYaml.MaxBlock), tile.BlockN);
        Assert.Equal((blocking.TileM, blocking.TileN, blocking.BlockM, blocking.BlockK, blocking.Units), (tile.TileM, tile.TileN, tile.BlockM, tile.BlockK, tile.Units));
        // The scratchpads are the cache blocks at the clamped block_n: B panel BlockK × block_n fp32 words.
        Assert.Equal(blocking.BlockK * (double)tile.BlockN * 4 / 1024, arch.Scratchpad.FilterKb);
        // Clamping changes no prediction for the shapes measured (all N ≤ 65536: ⌈N/BlockN⌉ = 1 either way).
        foreach (var c in report.GemmFit!.Cases)
        {
            var r = TileEvaluator.Evaluate(c.Case.Name, c.Case.Gemm!.Value, arch, SimMode.Default);
            Assert.Equal((long)Math.Ceiling(c.PredictedCycles), r.TotalCycles, 1.0);
        }
    }

    [Fact]
    public void A_gpu_target_exits_3_when_absent_else_2_without_its_stated_peak_and_a_bogus_target_exits_2()
    {
        var (code, _, error) = CliRunner.Run("calibrate", "--target", "gpu");
        if (GpuMissing())
        {
            Assert.Equal(3, code);
            Assert.Contains("target 'gpu' is not available", error, StringComparison.Ordinal);
        }
        else
        {
            // A CUDA machine: the GPU's peak can't come from this host's FMA microbenchmark, so it must be given.
            Assert.Equal(2, code);
            Assert.Contains("--clock-ghz: target 'gpu' has no FMA microbenchmark here", error, StringComparison.Ordinal);
            Assert.Contains("Fix:", error, StringComparison.Ordinal);
        }

        (code, _, error) = CliRunner.Run("calibrate", "--target", "bogus");
        Assert.Equal(2, code);
        Assert.Contains("unknown target 'bogus'. Fix:", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("calibrate", "--target", "cpu", "--reps", "0");
        Assert.Equal(2, code);
        Assert.Contains("--reps", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("1e308")]
    [InlineData("NaN")]
    public void A_clock_outside_a_plausible_range_exits_2_with_a_fix(string value)
    {
        var (code, _, error) = CliRunner.Run("calibrate", "--target", "cpu", "--quick", "--clock-ghz", value);
        Assert.Equal(2, code);
        Assert.Contains("--clock-ghz", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_output_folder_exits_2_before_anything_is_measured()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("file", "not a folder");
        var (code, _, error) = CliRunner.Run("calibrate", "--target", "cpu", "--quick", "-o", Path.Combine(file, "out"));
        Assert.Equal(2, code);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("shapes", error, StringComparison.Ordinal); // the progress line printed when measuring starts
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("70000")]
    public void A_bad_macs_per_cycle_per_unit_exits_2_with_a_fix(string value)
    {
        var (code, _, error) = CliRunner.Run("calibrate", "--target", "gpu", "--clock-ghz", "1.98", "--macs-per-cycle-per-unit", value);
        Assert.Equal(2, code);
        Assert.Contains($"--macs-per-cycle-per-unit: {value} is not a MAC count per cycle", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gpu_with_a_clock_but_no_macs_per_cycle_is_told_to_give_it_when_present()
    {
        var (code, _, error) = CliRunner.Run("calibrate", "--target", "gpu", "--clock-ghz", "1.98");
        if (GpuMissing())
        {
            Assert.Equal(3, code);
            return;
        }

        Assert.Equal(2, code);
        Assert.Contains("--macs-per-cycle-per-unit: target 'gpu'", error, StringComparison.Ordinal);
    }

    private static bool GpuMissing()
    {
        var probe = NativeTargets.Probe("gpu")!;
        probe.Target?.Dispose();
        return probe.Target is null;
    }
}
