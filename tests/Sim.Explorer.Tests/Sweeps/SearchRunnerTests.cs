using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

public class SearchRunnerTests
{
    private const string Workload = """
        name: tiny
        ops:
          - {name: c1, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 8, filters: 32, padding: 1}
          - {name: fc, kind: gemm, m: 4, n: 10, k: 2048, inputs: [c1]}
        """;

    /// <summary>5 rows × 4 cols × 3 dataflows = a 60-point grid; the 32-row arrays need more filter buffer than 1 KB.</summary>
    private const string Spec = """
        name: tiny-search
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 4, filter_kb: 1, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml]
        axes:
          rows: [2, 4, 8, 16, 32]
          cols: [4, 8, 16, 32]
          dataflow: [os, ws, is]
        search: {strategy: nsga2, population: 20, generations: 10, reference: grid, seed: 3}
        """;

    /// <summary>Latency against area: bigger arrays are faster and larger, so the front has many designs.</summary>
    private static readonly IReadOnlyList<Objective> LatencyAndArea =
        [new(PointMetrics.LatencyCycles, false), new(PointMetrics.Find("area_mm2")!, false)];

    private static SweepSpec Load(TempDirectory dir, string spec = Spec)
    {
        dir.Write("w.yaml", Workload);
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", spec))) with { Objectives = LatencyAndArea };
    }

    private static string Bytes(string directory) => string.Join("\n--\n",
        new[] { "points.csv", "layers.csv", "manifest.json", SearchRunner.GenerationsFile, SearchRunner.SummaryFile, Path.Combine("reference", "points.csv") }
            .Select(f => File.ReadAllText(Path.Combine(directory, f))));

    [Fact]
    public void Finds_the_grid_front_with_fewer_evaluations_and_lists_each_point_once()
    {
        using var dir = new TempDirectory();
        var outcome = SearchRunner.Run(Load(dir), dir.File("out"), jobs: 2, resume: false);
        var summary = Assert.Single(outcome.Summary);
        Assert.Equal(60, summary.GridPoints);
        Assert.Equal(60, outcome.ReferencePoints.Count);
        Assert.Contains(outcome.ReferencePoints, p => p.Status == RowStatus.Infeasible); // told as null, ranked last
        Assert.True(summary.Evaluations < 60, $"{summary.Evaluations} evaluations");
        Assert.Equal(60 - summary.Evaluations, summary.EvaluationsSaved);
        Assert.Equal(summary.GridFrontSize, summary.GridFrontFound);
        Assert.Equal(1.0, summary.Recall);
        Assert.Equal(1.0, summary.HypervolumeRatio!.Value, 12);

        var rows = ResultsCsv.Read<PointRow>(dir.File("out/points.csv"));
        Assert.Equal(summary.Evaluations, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.PointId).Distinct().Count());
        Assert.Equal(60, ResultsCsv.Read<PointRow>(dir.File("out/reference/points.csv")).Count);
        Assert.Equal(60, outcome.Computed); // the grid reused the search's points: 60 distinct simulations in all
    }

    [Fact]
    public void Designs_the_constraints_exclude_are_never_simulated_and_the_reference_grid_honours_them_too()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Spec.Replace("search:", "constraints: [{pe_count: {max: 64}}]\nsearch:", StringComparison.Ordinal));
        var outcome = SearchRunner.Run(spec, dir.File("out"), jobs: 2, resume: false);
        Assert.NotEmpty(outcome.Points);
        Assert.All(outcome.Points, p => Assert.True(p.PeCount <= 64, $"{p.Tile} has {p.PeCount} PEs"));
        // The grid keeps rows × cols ≤ 64 of {2..32} × {4..32}: (2: 4, 8, 16, 32), (4: 4, 8, 16), (8: 4, 8), (16: 4) = 10 shapes × 3 dataflows.
        Assert.Equal(30, outcome.ReferencePoints.Count);
        Assert.Equal(30, Assert.Single(outcome.Summary).GridPoints);
    }

    [Fact]
    public void Search_csv_has_a_row_per_generation_with_growing_evaluations_and_hypervolume()
    {
        using var dir = new TempDirectory();
        var outcome = SearchRunner.Run(Load(dir), dir.File("out"), jobs: 2, resume: false);
        var generations = ResultsCsv.Read<SearchGenerationRow>(dir.File("out/search.csv"));
        Assert.Equal(Enumerable.Range(0, 11), generations.Select(g => g.Generation));
        // The initial population: 20 random candidates, the distinct ones simulated.
        var initial = ResultsCsv.Read<PointRow>(dir.File("out/points.csv")).Take(generations[0].Evaluations).ToList();
        Assert.InRange(generations[0].Evaluations, 2, 20);
        Assert.Equal(initial.Count, initial.Select(r => r.PointId).Distinct().Count());
        Assert.All(generations.Zip(generations.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Evaluations >= pair.First.Evaluations);
            Assert.True(pair.Second.Hypervolume >= pair.First.Hypervolume); // more points never shrink the dominated volume
        });
        Assert.Equal(outcome.Summary[0].Evaluations, generations[^1].Evaluations);
        Assert.Equal(outcome.Summary[0].Hypervolume, generations[^1].Hypervolume);
        Assert.Equal(outcome.Summary[0].FrontSize, generations[^1].FrontSize);
    }

    [Fact]
    public void Two_runs_write_identical_bytes_whatever_the_job_count_with_a_search_per_workload()
    {
        using var dir = new TempDirectory();
        dir.Write("w2.yaml", "name: other\nops:\n  - {name: g, kind: gemm, m: 96, n: 40, k: 24}\n");
        var spec = Load(dir, Spec.Replace("workloads: [w.yaml]", "workloads: [w.yaml, w2.yaml]", StringComparison.Ordinal));
        var one = SearchRunner.Run(spec, dir.File("one"), jobs: 1, resume: false);
        SearchRunner.Run(spec, dir.File("two"), jobs: 4, resume: false);
        Assert.Equal(Bytes(dir.File("one")), Bytes(dir.File("two")));

        Assert.Equal(["tiny", "other"], one.Summary.Select(s => s.Workload));
        Assert.Equal(one.Points.Count, one.Summary.Sum(s => s.Evaluations));
        Assert.Equal(["tiny", "other"], one.Points.Select(p => p.Workload).Distinct()); // first-evaluated order: workload by workload
        Assert.Equal(22, one.Generations.Count);
    }

    [Fact]
    public void Resume_after_cancellation_simulates_nothing_twice_and_ends_identical()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir);
        var clean = SearchRunner.Run(spec, dir.File("clean"), jobs: 2, resume: false);

        using var cancel = new CancellationTokenSource();
        var cancelAfter = new CountingProgress(20, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => SearchRunner.Run(spec, dir.File("cut"), jobs: 2, resume: false, cancelAfter, cancel: cancel.Token));
        var journaled = SweepJournal.ReadFinished(dir.File("cut/" + SweepRunner.JournalFile)).Count;
        Assert.InRange(journaled, 20, 59);

        var resumed = SearchRunner.Run(spec, dir.File("cut"), jobs: 2, resume: true);
        Assert.Equal(60 - journaled, resumed.Computed);
        Assert.Equal(journaled, resumed.Resumed);
        Assert.Equal(Bytes(dir.File("clean")), Bytes(dir.File("cut")));
        Assert.Equal(60, clean.Computed);

        var again = SearchRunner.Run(spec, dir.File("cut"), jobs: 2, resume: true);
        Assert.Equal(0, again.Computed);
        Assert.Equal(60, again.Resumed);
    }

    [Fact]
    public void The_summary_matches_a_brute_force_count_on_the_written_rows()
    {
        using var dir = new TempDirectory();
        var spec = Load(dir, Spec.Replace("generations: 10", "generations: 1", StringComparison.Ordinal)); // stop early: a partial front
        var summary = Assert.Single(SearchRunner.Run(spec, dir.File("out"), jobs: 2, resume: false).Summary);
        var searchRows = ResultsCsv.Read<PointRow>(dir.File("out/points.csv"));
        var gridRows = ResultsCsv.Read<PointRow>(dir.File("out/reference/points.csv"));
        var search = Costs(searchRows);
        var grid = Costs(gridRows);

        // Front: distinct vectors that no other vector dominates (pairwise, O(n²)).
        var gridFront = grid.Distinct().Where(c => !grid.Any(o => o.X <= c.X && o.Y <= c.Y && o != c)).ToList();
        var found = gridFront.Count(search.Contains);
        Assert.Equal(gridFront.Count, summary.GridFrontSize);
        Assert.Equal(found, summary.GridFrontFound);
        Assert.Equal((double)found / gridFront.Count, summary.Recall);
        Assert.True(found < gridFront.Count, "a two-generation search should miss part of the front, else this test checks little");
        Assert.Equal(gridRows.Count - searchRows.Count, summary.EvaluationsSaved);

        // Hypervolume: log of each cost, scaled so the grid front's ideal → 0 and nadir → 1, then the area dominated up
        // to (1.1, 1.1) counted over the cells of the compressed coordinates.
        double minX = gridFront.Min(c => Math.Log(c.X)), maxX = gridFront.Max(c => Math.Log(c.X));
        double minY = gridFront.Min(c => Math.Log(c.Y)), maxY = gridFront.Max(c => Math.Log(c.Y));
        List<(double X, double Y)> Normalise(List<(double X, double Y)> set) =>
            [.. set.Select(c => ((Math.Log(c.X) - minX) / (maxX - minX), (Math.Log(c.Y) - minY) / (maxY - minY)))];
        Assert.Equal(CellArea(Normalise(grid)), summary.GridHypervolume!.Value, 9);
        Assert.Equal(CellArea(Normalise(search)), summary.Hypervolume, 9);
        Assert.Equal(CellArea(Normalise(search)) / CellArea(Normalise(grid)), summary.HypervolumeRatio!.Value, 9);
        Assert.InRange(summary.HypervolumeRatio!.Value, 0.5, 0.999999);
    }

    private static List<(double X, double Y)> Costs(List<PointRow> rows) =>
        [.. rows.Where(r => r.Status == RowStatus.Ok).Select(r => ((double)r.LatencyCycles, r.AreaMm2))];

    private static double CellArea(List<(double X, double Y)> points)
    {
        const double reference = 1.1;
        var inside = points.Where(p => p.X < reference && p.Y < reference).ToList();
        var xs = inside.Select(p => p.X).Append(reference).Distinct().Order().ToList();
        var ys = inside.Select(p => p.Y).Append(reference).Distinct().Order().ToList();
        double area = 0;
        for (int i = 0; i + 1 < xs.Count; i++)
        {
            for (int j = 0; j + 1 < ys.Count; j++)
            {
                if (inside.Any(p => p.X <= xs[i] && p.Y <= ys[j]))
                    area += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
            }
        }

        return area;
    }

    /// <summary>Cancels after a number of finished points, synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class CountingProgress(int limit, CancellationTokenSource cancel) : IProgress<int>
    {
        private int _count;

        public void Report(int value)
        {
            if (Interlocked.Add(ref _count, value) >= limit)
                cancel.Cancel();
        }
    }
}
