using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Search;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Scores a search's points on one workload: the Pareto front (distinct non-dominated objective vectors, so designs
/// that tie in every objective count once) and the hypervolume after normalising every objective (log scale where its
/// costs share a sign) so that the ideal and nadir of a fixed front — the grid's with a reference, else the search's own
/// — map to 0 and 1, measured from the reference point 1.1 in every normalised objective so the front's extremes also
/// add volume.
/// </summary>
public static class SearchScore
{
    public const double ReferencePoint = 1.1;

    /// <summary>The costs to minimise of an ok row; null for an infeasible or failed one (or a non-finite value).</summary>
    public static double[]? Costs(PointRow row, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(objectives);
        if (!RowStatus.IsOk(row))
            return null;
        var costs = objectives.Select(o => o.Cost(row)).ToArray();
        return costs.All(double.IsFinite) ? costs : null;
    }

    /// <summary>
    /// The distinct non-dominated vectors, in lexicographic order. After a lexicographic sort nothing can be dominated by
    /// a later vector, so one pass against the front kept so far suffices.
    /// </summary>
    public static List<double[]> Front(IEnumerable<double[]> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var front = new List<double[]>();
        foreach (var c in costs.Order(Lexicographic.Instance))
        {
            if (front.Count > 0 && Lexicographic.Instance.Compare(front[^1], c) == 0)
                continue;
            if (!front.Any(f => NonDominatedSort.Dominates(f, c)))
                front.Add(c);
        }

        return front;
    }

    /// <summary>
    /// The normalisation of <paramref name="costs"/> (null when there are none): an objective whose costs all have one
    /// sign is compared on a log scale (sign kept, so a negated maximised metric still orders the same way) — latency,
    /// energy and area span orders of magnitude across a systolic grid, and on a linear scale the whole front sits in
    /// one corner where any decent set scores nearly the full volume. Then each objective maps the ideal and nadir of
    /// the costs' Pareto front to 0 and 1.
    /// </summary>
    public static Normalisation? Bounds(IEnumerable<double[]> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var all = costs.ToList();
        if (all.Count == 0)
            return null;
        int k = all[0].Length;
        var log = Enumerable.Range(0, k).Select(i => all.All(c => c[i] > 0) || all.All(c => c[i] < 0)).ToArray();
        var front = Front(all).Select(c => Transform(c, log)).ToList();
        var ideal = Enumerable.Range(0, k).Select(i => front.Min(c => c[i])).ToArray();
        var nadir = Enumerable.Range(0, k).Select(i => front.Max(c => c[i])).ToArray();
        return new Normalisation(log, ideal, nadir);
    }

    /// <summary>Per objective: log scale or not, and the transformed ideal and nadir that map to 0 and 1.</summary>
    public sealed record Normalisation(bool[] Log, double[] Ideal, double[] Nadir)
    {
        public double[] Apply(double[] costs)
        {
            ArgumentNullException.ThrowIfNull(costs);
            var t = Transform(costs, Log);
            return [.. t.Select((v, i) => Nadir[i] > Ideal[i] ? (v - Ideal[i]) / (Nadir[i] - Ideal[i]) : v > Ideal[i] ? double.PositiveInfinity : 0)];
        }
    }

    /// <summary>Sign-keeping log (ln c, or −ln(−c) for a negated metric): increasing in c, so dominance is unchanged.</summary>
    private static double[] Transform(double[] costs, bool[] log) =>
        [.. costs.Select((c, i) => !log[i] ? c : c > 0 ? Math.Log(c) : c < 0 ? -Math.Log(-c) : double.NaN)];

    /// <summary>The hypervolume of <paramref name="costs"/> normalised by <paramref name="bounds"/> (0 with no bounds).</summary>
    public static double Hypervolume(IEnumerable<double[]> costs, Normalisation? bounds)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (bounds is null)
            return 0;
        // A value outside the log domain (0 where all others were positive) cannot be placed: it adds nothing.
        var normalised = Front(costs).Select(bounds.Apply).Where(c => !c.Any(double.IsNaN));
        return Search.Hypervolume.Of(normalised, [.. Enumerable.Repeat(ReferencePoint, bounds.Log.Length)]);
    }

    /// <summary>
    /// search.csv's rows for one workload: after each generation, the first <c>evaluations</c> of
    /// <paramref name="searchRows"/> (first-evaluated order) are what the search had seen.
    /// </summary>
    public static List<SearchGenerationRow> Generations(string workload, IReadOnlyList<PointRow> searchRows, IReadOnlyList<int> evaluationsAfterGeneration,
        IReadOnlyList<Objective> objectives, Normalisation? bounds)
    {
        ArgumentNullException.ThrowIfNull(searchRows);
        ArgumentNullException.ThrowIfNull(evaluationsAfterGeneration);
        return [.. evaluationsAfterGeneration.Select((evaluations, generation) =>
        {
            var costs = searchRows.Take(evaluations).Select(r => Costs(r, objectives)).OfType<double[]>().ToList();
            return new SearchGenerationRow
            {
                Workload = workload,
                Generation = generation,
                Evaluations = evaluations,
                Hypervolume = Hypervolume(costs, bounds),
                FrontSize = Front(costs).Count,
            };
        })];
    }

    /// <summary>One workload's summary; the grid columns stay empty without <paramref name="gridRows"/>.</summary>
    public static SearchSummaryRow Summarise(string workload, IReadOnlyList<PointRow> searchRows, IReadOnlyList<PointRow>? gridRows, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(searchRows);
        ArgumentNullException.ThrowIfNull(objectives);
        var searchCosts = searchRows.Select(r => Costs(r, objectives)).OfType<double[]>().ToList();
        var gridCosts = gridRows?.Select(r => Costs(r, objectives)).OfType<double[]>().ToList();
        var bounds = Bounds(gridCosts ?? searchCosts);
        var row = new SearchSummaryRow
        {
            Workload = workload,
            Objectives = string.Join(' ', objectives.Select(o => o.ToString())),
            Evaluations = searchRows.Count,
            FrontSize = Front(searchCosts).Count,
            Hypervolume = Hypervolume(searchCosts, bounds),
        };
        if (gridRows is null || gridCosts is null)
            return row;

        var gridFront = Front(gridCosts);
        var reached = searchCosts.ToHashSet(Lexicographic.Instance);
        row.GridPoints = gridRows.Count;
        row.EvaluationsSaved = gridRows.Count - searchRows.Count;
        row.GridFrontSize = gridFront.Count;
        row.GridFrontFound = gridFront.Count(reached.Contains);
        row.Recall = gridFront.Count == 0 ? 0 : (double)row.GridFrontFound / gridFront.Count;
        row.GridHypervolume = Hypervolume(gridCosts, bounds);
        row.HypervolumeRatio = row.GridHypervolume > 0 ? row.Hypervolume / row.GridHypervolume : 0;
        return row;
    }

    /// <summary>Orders and equates cost vectors element by element (exact doubles: the same design gives the same bits).</summary>
    private sealed class Lexicographic : IComparer<double[]>, IEqualityComparer<double[]>
    {
        public static readonly Lexicographic Instance = new();

        public int Compare(double[]? x, double[]? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (int i = 0; i < x.Length; i++)
            {
                int c = x[i].CompareTo(y[i]);
                if (c != 0)
                    return c;
            }

            return 0;
        }

        public bool Equals(double[]? x, double[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(double[] obj)
        {
            ArgumentNullException.ThrowIfNull(obj);
            var hash = new HashCode();
            foreach (var v in obj)
                hash.Add(v);
            return hash.ToHashCode();
        }
    }

    /// <summary>A ratio as a percentage with one decimal (invariant culture), for the CLI table.</summary>
    public static string Percent(double ratio) => (100 * ratio).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
