using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Explorer.Calibration;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim calibrate --target cpu|gpu</c>: measure the target's native kernels over a shape suite, fit their timing
/// models, report held-out error, and write a calibrated arch (see docs/calibrate.md).
/// </summary>
public static class CalibrateCommand
{
    /// <summary>A plausible clock for any CPU or GPU; outside it the cycle counts (and the YAML) would be nonsense.</summary>
    private const double MinClockGhz = 0.01, MaxClockGhz = 100;

    /// <summary>Targets a CPU FMA microbenchmark can time (their peak is this machine's cores).</summary>
    private static readonly string[] s_cpuTargets = ["cpu", "openblas"];

    /// <summary>The names --target accepts even when this build has no backend for them (then: exit 3, not a typo).</summary>
    private static readonly string[] s_cliTargets = ["cpu", "gpu"];

    public static Command Create(CliContext context)
    {
        var target = new Option<string>("--target") { Description = "Native target: cpu or gpu (or another name sim verify lists)", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (default reports/calibrate/<target>)" };
        var reps = new Option<int>("--reps") { Description = "Timed repetitions per shape (the median is used)", DefaultValueFactory = _ => 7 };
        var quick = new Option<bool>("--quick") { Description = "A small suite that runs in seconds (CI)" };
        var pipes = new Option<int>("--fma-pipes") { Description = "FMA pipes per core (MACs per cycle per unit = SIMD lanes × pipes)", DefaultValueFactory = _ => 2 };
        var clock = new Option<double?>("--clock-ghz") { Description = "Use this clock instead of measuring the CPU FMA peak (needed for a GPU)" };
        var unitMacs = new Option<int?>("--macs-per-cycle-per-unit")
        {
            Description = "fp32 MACs per cycle of one unit (core or SM), e.g. 128 for an H100 SM; needed for a GPU, overrides lanes × pipes on a CPU",
        };
        var command = new Command("calibrate", "Fit the timing model of a native target to measurements; report held-out error")
        {
            target, output, reps, quick, pipes, clock, unitMacs,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(target)!;
            var repetitions = parse.GetValue(reps);
            if (repetitions < 1)
                throw new SimInputException($"--reps: {repetitions} must be at least 1. Fix: use e.g. --reps 7");
            var fmaPipes = parse.GetValue(pipes);
            if (fmaPipes is < 1 or > 16)
                throw new SimInputException($"--fma-pipes: {fmaPipes} is not a pipe count. Fix: use 1, 2 or 4 (2 on Zen 4/5 and Intel server cores)");
            var clockGhz = parse.GetValue(clock);
            if (clockGhz is { } c && !(c is >= MinClockGhz and <= MaxClockGhz))
                throw new SimInputException($"--clock-ghz: {c} is not a clock from {MinClockGhz} to {MaxClockGhz} GHz. Fix: give the target's clock, e.g. 1.98");
            var macsPerCycle = parse.GetValue(unitMacs);
            if (macsPerCycle is { } u && u is < 1 or > (int)TileSpecReaders.MaxArraySide)
                throw new SimInputException($"--macs-per-cycle-per-unit: {u} is not a MAC count per cycle (1..{TileSpecReaders.MaxArraySide}). Fix: give the unit's fp32 FMAs per cycle, e.g. 128 for an H100 SM, 32 for an AVX-512 core with 2 FMA pipes");
            var known = s_cliTargets.Union(NativeTargets.Names, StringComparer.Ordinal).ToList();
            if (!known.Contains(name, StringComparer.Ordinal))
                throw new SimInputException($"--target: unknown target '{name}'. Fix: {NearestName.Hint(name, known)}use one of: {string.Join(", ", known)}");
            if (NativeTargets.Probe(name) is not { } probe)
            {
                context.Error.WriteLine($"target '{name}' is not available: this build has no '{name}' backend. Fix: build sim with the native {name} backend");
                return ExitCodes.Unavailable;
            }

            if (probe.Target is null)
            {
                context.Error.WriteLine($"target '{name}' is not available: {probe.Unavailable}");
                return ExitCodes.Unavailable;
            }

            using var native = probe.Target;
            // The FMA microbenchmark measures this host's cores: for any other device the peak must be stated, both halves of it.
            if (!s_cpuTargets.Contains(name) && (clockGhz is null || macsPerCycle is null))
            {
                var missing = clockGhz is null ? "--clock-ghz" : "--macs-per-cycle-per-unit";
                throw new SimInputException($"{missing}: target '{name}' has no FMA microbenchmark here, so its peak must be given. "
                    + "Fix: give its clock and one unit's (SM's) fp32 FMAs per cycle, e.g. --clock-ghz 1.98 --macs-per-cycle-per-unit 128 for an H100 SXM");
            }

            var directory = parse.GetValue(output) ?? Path.Combine("reports", "calibrate", name);
            // Before any measurement: an unwritable -o must not cost the whole suite first (IOException → exit 2).
            Directory.CreateDirectory(directory);
            return Run(context, native, parse.GetValue(quick), repetitions, fmaPipes, clockGhz, macsPerCycle, directory);
        });
        return command;
    }

    private static int Run(CliContext context, INativeTarget native, bool quick, int repetitions, int fmaPipes, double? clockGhz, int? macsPerCycle,
        string directory)
    {
        var wall = Stopwatch.StartNew();
        var lanes = FmaPeak.Lanes;
        var unitMacs = macsPerCycle ?? lanes * fmaPipes;
        var basis = macsPerCycle is { } given ? FormattableString.Invariant($"--macs-per-cycle-per-unit {given}") : $"{lanes} lanes x {fmaPipes} FMA pipes";
        if (native.GemmBlocking.Problem() is { } blockingProblem)
            throw new InvalidOperationException($"target '{native.Name}' reports an invalid GEMM blocking: {blockingProblem}");
        var sampler = new FmaPeak.Sampler(native.GemmBlocking.Units);
        Func<double> peak = clockGhz is { } givenClock
            ? () => givenClock * 1e9 * unitMacs
            : () =>
            {
                sampler.Sample(7);
                return sampler.Best;
            };
        var session = new CalibrationSession();
        var cases = CalibrationSuite.Cases(quick);
        var timer = new NativeKernelTimer(native, warmups: 2, repetitions, session.Sparse, context.Error, clockGhz is null ? () => sampler.Sample() : null);
        context.Error.WriteLine($"{native.Name} on {native.Device}: {cases.Count} shapes, {repetitions} rounds");
        var report = session.Calibrate(native, timer, cases, quick ? "quick" : "full", repetitions, unitMacs, basis, peak, context.Error);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak {report.PeakMacsPerSecondPerUnit / 1e9:F1} GMAC/s per unit → clock {report.ClockGhz:F3} GHz at {report.PeakBasis}"));
        var problem = CalibrationSession.Write(report, directory);
        foreach (var k in report.Kernels)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{CalibrationRow.KernelName(k.Kernel),-10} held-out MAPE {k.HeldOutMapePct,6:F2} %  max |error| {k.HeldOutMaxErrorPct,6:F2} %  ({k.HeldOut.Count()} held-out, {k.Cases.Count(c => !c.Case.HeldOut)} fit; fit MAPE {k.FitMapePct:F2} %, 95 % interval coverage {k.HeldOutCoverage:P0})"));
        }

        foreach (var s in report.Skipped)
            context.Out.WriteLine($"skipped {s}");
        if (report.Gemm is { } gemm)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gemm tile: efficiency {gemm.Tile.Efficiency:F4}, tile overhead {gemm.Tile.TileOverheadCycles:F1} cycles, launch {gemm.Tile.LaunchCycles:F0} cycles, bandwidth {gemm.BandwidthBytesPerCycle:F2} B/cycle"));
        }

        if (report.EfficiencyAtBound)
            context.Out.WriteLine($"warning: {CalibrationReport.AtBoundNote}");

        var written = problem is null ? "calibration.yaml, .csv, .json" : "calibration.csv, .json";
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {directory}/{written}, predicted_vs_measured and roofline (.png/.svg) in {wall.Elapsed.TotalSeconds:F1} s"));
        if (problem is not null)
        {
            context.Error.WriteLine($"error: no calibration.yaml: {problem}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}
