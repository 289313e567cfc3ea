using CsvHelper;

namespace Sim.Explorer.Calibration;

/// <summary>One row of calibration.csv: one measured shape, its split, and the fitted model's prediction with its 95 % interval (cycles at the calibrated clock).</summary>
[CsvRecord]
public sealed partial class CalibrationRow
{
    [CsvColumn("kernel")] public string Kernel { get; set; } = "";
    [CsvColumn("shape")] public string Shape { get; set; } = "";
    [CsvColumn("split")] public string Split { get; set; } = "";
    [CsvColumn("macs")] public long Macs { get; set; }
    [CsvColumn("measured_seconds")] public double MeasuredSeconds { get; set; }
    [CsvColumn("measured_cycles")] public double MeasuredCycles { get; set; }
    [CsvColumn("predicted_cycles")] public double PredictedCycles { get; set; }
    [CsvColumn("interval_lo_cycles")] public double IntervalLowCycles { get; set; }
    [CsvColumn("interval_hi_cycles")] public double IntervalHighCycles { get; set; }
    [CsvColumn("error_pct")] public double ErrorPct { get; set; }

    public static CalibrationRow Of(KernelCalibration kernel, CaseResult c)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(c);
        return new CalibrationRow
        {
            Kernel = KernelName(kernel.Kernel),
            Shape = c.Case.Name,
            Split = c.Case.Split,
            Macs = c.Macs,
            MeasuredSeconds = c.MeasuredSeconds,
            MeasuredCycles = c.MeasuredCycles,
            PredictedCycles = c.PredictedCycles,
            IntervalLowCycles = c.IntervalLowCycles,
            IntervalHighCycles = c.IntervalHighCycles,
            ErrorPct = c.ErrorPct,
        };
    }

    public static string KernelName(Arch.Native.NativeKernel kernel) => kernel switch
    {
        Arch.Native.NativeKernel.GemmF32 => "gemm_f32",
        Arch.Native.NativeKernel.GemmInt8 => "gemm_int8",
        Arch.Native.NativeKernel.Attention => "attention",
        Arch.Native.NativeKernel.SpGemm => "spgemm",
        _ => kernel.ToString(),
    };
}
