using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Search;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Scores a search's points on one workload: the Pareto front (distinct non-dominated objective vectors, so designs
/// that tie in every objective count once) and the hypervolume after normalising every objective to [0, 1] by fixed
/// bounds (the grid's range with a reference, else the search's own), measured from the reference point 1.1 in every
/// normalised objective so the front's extremes also add volume.
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

    /// <summary>Per-objective minimum and maximum of <paramref name="costs"/> (null when there are none).</summary>
    public static (double[] Min, double[] Max)? Bounds(IReadOnlyCollection<double[]> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Count == 0)
            return null;
        int k = costs.First().Length;
        var min = Enumerable.Range(0, k).Select(i => costs.Min(c => c[i])).ToArray();
        var max = Enumerable.Range(0, k).Select(i => costs.Max(c => c[i])).ToArray();
        return (min, max);
    }

    /// <summary>The hypervolume of <paramref name="costs"/> normalised by <paramref name="bounds"/> (0 with no bounds).</summary>
    public static double Hypervolume(IEnumerable<double[]> costs, (double[] Min, double[] Max)? bounds)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (bounds is not { } b)
            return 0;
        var normalised = Front(costs).Select(c => c.Select((v, i) => b.Max[i] > b.Min[i] ? (v - b.Min[i]) / (b.Max[i] - b.Min[i]) : 0).ToArray());
        return Search.Hypervolume.Of(normalised, [.. Enumerable.Repeat(ReferencePoint, b.Min.Length)]);
    }

    /// <summary>
    /// search.csv's rows for one workload: after each generation, the first <c>evaluations</c> of
    /// <paramref name="searchRows"/> (first-evaluated order) are what the search had seen.
    /// </summary>
    public static List<SearchGenerationRow> Generations(string workload, IReadOnlyList<PointRow> searchRows, IReadOnlyList<int> evaluationsAfterGeneration,
        IReadOnlyList<Objective> objectives, (double[] Min, double[] Max)? bounds)
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
