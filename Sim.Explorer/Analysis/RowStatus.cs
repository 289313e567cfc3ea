using Sim.Explorer.Results;

namespace Sim.Explorer.Analysis;

/// <summary>The status value the runner writes for a feasible, successfully simulated point.</summary>
public static class RowStatus
{
    public const string Ok = "ok";

    /// <summary>The design cannot run (a buffer too small for its tile); the reason column says why.</summary>
    public const string Infeasible = "infeasible";

    /// <summary>The simulation threw; a sweep with such a point exits 1.</summary>
    public const string Error = "error";

    /// <summary>Only ok rows have meaningful latency/utilization; infeasible and failed rows are skipped by analyses.</summary>
    public static bool IsOk(PointRow row) => string.Equals(row.Status, Ok, StringComparison.Ordinal);
}
