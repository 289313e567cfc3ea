using Sim.Explorer.Results;

namespace Sim.Explorer.Tests.Plots;

/// <summary>Deterministic, plausible points.csv contents: latency ≈ MACs / (PEs · utilization).</summary>
internal static class SyntheticRows
{
    public static readonly int[] Sizes = [8, 16, 32, 64, 128];
    public static readonly string[] Dataflows = ["os", "ws", "is"];

    public static List<PointRow> Sweep()
    {
        var rows = new List<PointRow>();
        foreach (var (workload, macs, shapeBias) in new[] { ("resnet18", 1.8e9, 0.0), ("bert-base", 11.2e9, 0.15) })
        {
            foreach (int r in Sizes)
            {
                foreach (int c in Sizes)
                {
                    for (int d = 0; d < Dataflows.Length; d++)
                        rows.Add(Point(workload, macs, shapeBias, r, c, d));
                }
            }
        }

        return rows;
    }

    private static PointRow Point(string workload, double macs, double shapeBias, int r, int c, int d)
    {
        // Big arrays fold badly; each dataflow prefers a different aspect ratio; a small hash jitter breaks ties.
        double aspect = Math.Log2((double)r / c) * (d - 1) * 0.08;
        double jitter = ((r * 31 + c * 7 + d * 3) % 13) / 100.0;
        double util = Math.Clamp(0.95 / (1 + 0.006 * (r + c)) + aspect - shapeBias * (d == 2 ? 1 : 0) + jitter, 0.05, 0.98);
        long pes = (long)r * c;
        var row = new PointRow
        {
            PointId = $"{workload}-{r}x{c}-{Dataflows[d]}",
            Sweep = "synthetic",
            Status = "ok",
            Workload = workload,
            Rows = r,
            Cols = c,
            Dataflow = Dataflows[d],
            PeCount = pes,
            Macs = (long)macs,
            LatencyCycles = (long)(macs / (pes * util)),
            Utilization = util,
        };

        // A hole in the sweep: bert-base on 128×8 does not fit its scratchpads in any dataflow.
        if (workload == "bert-base" && r == 128 && c == 8)
        {
            row.Status = "infeasible";
            row.Reason = "capacity: ofmap exceeds scratchpad";
            row.LatencyCycles = 0;
            row.Utilization = 0;
        }

        return row;
    }
}
