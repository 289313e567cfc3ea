using Sim.Explorer.Analysis;
using Sim.Explorer.Results;
using Sim.Explorer.Search;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Runs a spec's <c>search:</c>: per workload an independent NSGA-II over the spec's axes (<see cref="SweepAxesSpace"/>).
/// Each generation's candidates are decoded to points; only points not yet finished are simulated (in parallel, into
/// the same journal a grid sweep uses, so <c>--resume</c> re-asks the same deterministic candidates and finds them
/// finished), and the objective costs are told back (null for an infeasible or failed point). points.csv lists each
/// distinct point once, in first-evaluated order. With <c>reference: grid</c> the full grid is simulated afterwards
/// (reusing the search's points) into reference/points.csv, and the summary compares the two.
/// </summary>
public static class SearchRunner
{
    public const string GenerationsFile = "search.csv";
    public const string SummaryFile = "search_summary.csv";
    public const string ReferenceDirectory = "reference";

    public static SearchOutcome Run(SweepSpec spec, string outputDirectory, int jobs, bool resume, IProgress<int>? progress = null, SweepOutputOptions? outputs = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var search = spec.Search ?? throw new ArgumentException($"sweep '{spec.Name}' has no search", nameof(spec));
        Directory.CreateDirectory(outputDirectory);
        var space = new SweepAxesSpace(spec);
        var plan = new List<SweepPoint>();
        var inPlan = new HashSet<string>(StringComparer.Ordinal);
        var evaluationsAfter = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        IReadOnlyList<SweepPoint> grid = [];
        int computed = 0, resumed;
        Dictionary<string, SweepJournal.Entry> finished = [];
        using (var journal = resume ? SweepJournal.Resume(Path.Combine(outputDirectory, SweepRunner.JournalFile), out finished)
                   : SweepJournal.Create(Path.Combine(outputDirectory, SweepRunner.JournalFile)))
        {
            var before = finished.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var workload in spec.Workloads)
            {
                var counts = evaluationsAfter[workload.Workload.Name] = [];
                int distinct = 0;
                var strategy = new Nsga2(space.Genes, new Nsga2Options(search.Population, search.Generations, search.Seed));
                while (!strategy.IsDone)
                {
                    var candidates = strategy.Ask().Select(genes => space.Decode(genes, workload)).ToList();
                    // A design the constraints exclude is never simulated nor listed; it is told as infeasible.
                    var admitted = candidates.Select(p => spec.Constraints.All(c => c.Admits(p.Arch))).ToList();
                    var fresh = candidates.Where((p, i) => admitted[i] && inPlan.Add(p.Id)).ToList();
                    plan.AddRange(fresh);
                    distinct += fresh.Count;
                    var todo = fresh.Where(p => !finished.ContainsKey(p.Id)).ToList();
                    PointBatch.Evaluate(todo, journal, finished, jobs, progress is null ? null : () => progress.Report(1), cancel);
                    computed += todo.Count;
                    strategy.Tell(Costs(candidates, admitted, strategy.Population.Select(m => space.Decode(m.Genes, workload).Id), finished, spec.Objectives));
                    counts.Add(distinct);
                }
            }

            if (search.Reference == SearchReference.Grid)
            {
                grid = SweepPlan.Expand(spec);
                var todo = grid.Where(p => !finished.ContainsKey(p.Id)).ToList();
                PointBatch.Evaluate(todo, journal, finished, jobs, progress is null ? null : () => progress.Report(1), cancel);
                computed += todo.Count;
            }

            resumed = plan.Concat(grid).Select(p => p.Id).Distinct(StringComparer.Ordinal).Count(before.Contains);
        }

        // Reference first: a point both lists hold is one row object, and the search's tables must set its Pareto flag last.
        var referenceRows = grid.Count == 0 ? [] : WriteReference(outputDirectory, spec, grid, finished);
        var numbered = plan.Select((p, i) => p with { Index = i }).ToList();
        var (points, layers) = SweepTables.Write(outputDirectory, spec, numbered, finished, outputs);

        var generations = new List<SearchGenerationRow>();
        var summary = new List<SearchSummaryRow>();
        foreach (var (_, workload) in spec.Workloads)
        {
            var searchRows = points.Where(r => r.Workload == workload.Name).ToList();
            var gridRows = grid.Count == 0 ? null : referenceRows.Where(r => r.Workload == workload.Name).ToList();
            var bounds = SearchScore.Bounds((gridRows ?? searchRows).Select(r => SearchScore.Costs(r, spec.Objectives)).OfType<double[]>());
            generations.AddRange(SearchScore.Generations(workload.Name, searchRows, evaluationsAfter[workload.Name], spec.Objectives, bounds));
            summary.Add(SearchScore.Summarise(workload.Name, searchRows, gridRows, spec.Objectives));
        }

        ResultsCsv.Write(Path.Combine(outputDirectory, GenerationsFile), generations);
        ResultsCsv.Write(Path.Combine(outputDirectory, SummaryFile), summary);
        return new SearchOutcome(outputDirectory, points, layers, referenceRows, generations, summary, computed, resumed);
    }

    /// <summary>
    /// The costs told for a generation: an infeasible or failed point, a design the constraints exclude, and a copy of a design already in the population
    /// or earlier in the batch, are told as null. Many genes decode to one grid point, and NSGA-II keeps equal-cost
    /// copies side by side on a front, so without this a few designs soon fill the population and the search stalls
    /// (the duplicate elimination of e.g. pymoo). A design evaluated earlier but no longer in the population is told its
    /// costs: it may return.
    /// </summary>
    private static List<double[]?> Costs(List<SweepPoint> candidates, List<bool> admitted, IEnumerable<string> populationIds,
        Dictionary<string, SweepJournal.Entry> finished, IReadOnlyList<Objective> objectives)
    {
        var seen = populationIds.ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Select((p, i) => admitted[i] && seen.Add(p.Id) ? SearchScore.Costs(finished[p.Id].Point, objectives) : null)];
    }

    /// <summary>reference/points.csv: the grid's rows in grid order, Pareto-marked among themselves.</summary>
    private static List<PointRow> WriteReference(string outputDirectory, SweepSpec spec, IReadOnlyList<SweepPoint> grid, Dictionary<string, SweepJournal.Entry> finished)
    {
        var directory = Path.Combine(outputDirectory, ReferenceDirectory);
        Directory.CreateDirectory(directory);
        var rows = grid.Select(p => finished[p.Id].Point).ToList();
        foreach (var (row, point) in rows.Zip(grid))
        {
            row.Sweep = spec.Name;
            row.SetParameters(point.Workload.Name, point.Arch, point.Mode);
        }

        ParetoFront.Mark(rows, spec.Objectives);
        ResultsCsv.Write(Path.Combine(directory, "points.csv"), rows);
        return rows;
    }
}
