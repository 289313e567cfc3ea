using System.Globalization;
using Sim.Core.Workloads;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// What a workload's opaque ops leave out of its totals, in one line (the first <see cref="NamesShown"/> names): the
/// warning `sim run`/`sim map` print, and the `reason` of an otherwise ok sweep point, so a CSV reader sees it too.
/// </summary>
public static class OpaqueOps
{
    public const int NamesShown = 5;

    /// <summary>"2 opaque ops (no model, costed 0 cycles and 0 pJ, so the totals leave them out): nms (NonMaxSuppression), …", or null.</summary>
    public static string? Summary(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var opaque = workload.Ops.OfType<OpaqueOp>().ToList();
        if (opaque.Count == 0)
            return null;
        var names = string.Join(", ", opaque.Take(NamesShown).Select(o => $"{o.Name} ({o.Operator})"));
        var more = opaque.Count > NamesShown ? $", … ({opaque.Count - NamesShown} more)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{opaque.Count} opaque {(opaque.Count == 1 ? "op" : "ops")} (no model, costed 0 cycles and 0 pJ, so the totals leave them out): {names}{more}");
    }
}
