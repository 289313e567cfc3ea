using Sim.Arch.Native;
using Sim.Core.Sparse;
using Sim.Explorer.Results;

namespace Sim.Explorer.Calibration;

/// <summary>
/// One calibration from cases to files: measure (through <see cref="IKernelTimer"/>, so tests can inject a known
/// model), fit, and write calibration.yaml/.csv/.json and the two plots into the output directory.
/// </summary>
public sealed class CalibrationSession
{
    private readonly Dictionary<SparseOperand, CsrMatrix> _sparse = [];
    private readonly Dictionary<CalibrationCase, SpGemmCounts> _counts = [];

    public CsrMatrix Sparse(SparseOperand operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        if (!_sparse.TryGetValue(operand, out var matrix))
            _sparse[operand] = matrix = CalibrationInputs.Sparse(operand);
        return matrix;
    }

    public SpGemmCounts Counts(CalibrationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!_counts.TryGetValue(c, out var counts))
            _counts[c] = counts = SpGemmCounts.Of(Sparse(c.SpGemmA!), Sparse(c.SpGemmB!));
        return counts;
    }

    /// <param name="macsPerCyclePerUnit">The unit's fp32 MACs per cycle (lanes × FMA pipes on a CPU); <paramref name="peakBasis"/> says where it came from.</param>
    /// <param name="peakMacsPerSecondPerUnit">The measured (or given) peak, asked for after the measurements; the clock is it / MACs per cycle per unit.</param>
    public CalibrationReport Calibrate(INativeTarget target, IKernelTimer timer, IReadOnlyList<CalibrationCase> cases, string suite,
        int repetitions, int macsPerCyclePerUnit, string peakBasis, Func<double> peakMacsPerSecondPerUnit, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(peakMacsPerSecondPerUnit);
        double? peak = null;
        double Peak() => peak ??= peakMacsPerSecondPerUnit();
        var features = new KernelFeatures(target.GemmBlocking, Counts);
        var (kernels, skipped) = new Calibrator(features, timer).Run(cases,
            c => target.Supports(c.Kernel, c.Macs(Counts)), c => c.Macs(Counts), target.GemmBlocking,
            () => Peak() / macsPerCyclePerUnit / 1e9, macsPerCyclePerUnit, progress);
        return new CalibrationReport(target.Name, target.Device, target.GemmBlocking, Peak() / macsPerCyclePerUnit / 1e9, macsPerCyclePerUnit,
            peakBasis, Peak(), suite, repetitions, kernels, skipped);
    }

    /// <summary>Writes every output; calibration.yaml only when the GEMM fit gives a valid tile (else the reason is returned).</summary>
    public static string? Write(CalibrationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        ResultsCsv.Write(Path.Combine(directory, "calibration.csv"),
            report.Kernels.SelectMany(k => k.Cases.Select(c => CalibrationRow.Of(k, c))));
        CalibrationJson.Write(Path.Combine(directory, "calibration.json"), report);
        CalibrationPlots.Save(report, directory);
        if (report.GemmProblem is { } problem)
            return problem;
        File.WriteAllText(Path.Combine(directory, "calibration.yaml"), CalibrationYaml.Text(report));
        return null;
    }
}
