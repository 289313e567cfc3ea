using System.Globalization;
using CsvHelper;

namespace Sim.Explorer.Verify;

/// <summary>One row of <c>sim verify --csv</c>: the table's columns; error, bound and ratio empty where nothing was compared.</summary>
[CsvRecord]
public sealed partial class VerifyRow
{
    [CsvColumn("case")] public string Case { get; set; } = "";
    [CsvColumn("path")] public string Path { get; set; } = "";
    [CsvColumn("target")] public string Target { get; set; } = "";
    [CsvColumn("max_abs_error")] public double? MaxAbsError { get; set; }
    [CsvColumn("bound")] public double? Bound { get; set; }
    [CsvColumn("worst_err_over_bound")] public double? WorstRatio { get; set; }
    [CsvColumn("status")] public string Status { get; set; } = "";
    [CsvColumn("note")] public string Note { get; set; } = "";

    public static VerifyRow From(VerifyCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new()
        {
            Case = check.Case,
            Path = check.Path,
            Target = check.Target,
            MaxAbsError = double.IsNaN(check.MaxAbsError) ? null : check.MaxAbsError,
            Bound = double.IsNaN(check.Bound) ? null : check.Bound,
            WorstRatio = double.IsNaN(check.WorstRatio) ? null : check.WorstRatio,
            Status = StatusName(check.Status),
            Note = check.Note,
        };
    }

    public static string StatusName(VerifyStatus status) => status switch
    {
        VerifyStatus.Ok => "ok",
        VerifyStatus.Mismatch => "MISMATCH",
        VerifyStatus.Unavailable => "unavailable",
        VerifyStatus.Skipped => "skipped",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Three significant digits, invariant culture; "-" for nothing compared.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "-" : double.IsPositiveInfinity(value) ? "inf" : value.ToString("G3", CultureInfo.InvariantCulture);
}
