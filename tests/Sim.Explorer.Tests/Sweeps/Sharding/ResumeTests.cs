using System.Text.Json;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Tests.Sweeps.Sharding;

/// <summary>Crash and kill during a sweep or a shard: resuming loses and duplicates nothing.</summary>
public class ResumeTests
{
    private const string Spec = """
        name: resume-sweep
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml]
        axes:
          rows: [4, 8, 16]
          cols: [4, 16]
          dataflow: [os, ws, is]
        """;

    private static (SweepSpec Spec, InputFile File) Load(TempDirectory dir)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n  - {name: h, kind: gemm, m: 10, n: 20, k: 30}\n");
        var file = InputFile.Read(dir.Write("sweep.yaml", Spec));
        return (SweepSpecYaml.Read(file), file);
    }

    private static string Csvs(string directory) =>
        File.ReadAllText(Path.Combine(directory, "points.csv")) + File.ReadAllText(Path.Combine(directory, "layers.csv"));

    /// <summary>Cancels the run after it has journaled <paramref name="k"/> points.</summary>
    private sealed class CancelAfter(int k, CancellationTokenSource cancel) : ISweepProgress
    {
        private int _done;

        public void Started(int total, int resumed)
        {
        }

        public void PointFinished()
        {
            if (Interlocked.Increment(ref _done) == k)
                cancel.Cancel();
        }
    }

    private static List<string> JournalIds(string path) =>
        File.ReadAllLines(path).Select(l => JsonSerializer.Deserialize<SweepJournal.Entry>(l)!.Point.PointId).ToList();

    [Fact]
    public void Cancelled_sweep_resumes_to_the_clean_result_with_every_point_journaled_once()
    {
        using var dir = new TempDirectory();
        var (spec, _) = Load(dir);
        var clean = Path.Combine(dir.Path, "clean");
        var cut = Path.Combine(dir.Path, "cut");
        SweepRunner.Run(spec, clean, jobs: 1, resume: false);

        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(spec, cut, 1, false, new CancelAfter(5, cancel), cancel: cancel.Token));
        var journal = Path.Combine(cut, SweepRunner.JournalFile);
        Assert.Equal(5, JournalIds(journal).Count);
        Assert.False(File.Exists(Path.Combine(cut, "points.csv")));

        var outcome = SweepRunner.Run(spec, cut, jobs: 2, resume: true);
        Assert.Equal((13, 5), (outcome.Computed, outcome.Resumed));
        var ids = JournalIds(journal);
        Assert.Equal(18, ids.Count);
        Assert.Equal(18, ids.Distinct().Count());
        Assert.Equal(Csvs(clean), Csvs(cut));
    }

    [Fact]
    public void Killed_shard_with_a_torn_last_line_resumes_and_merges_to_the_clean_result()
    {
        using var dir = new TempDirectory();
        var (spec, file) = Load(dir);
        var clean = Path.Combine(dir.Path, "clean");
        var sharded = Path.Combine(dir.Path, "sharded");
        SweepRunner.Run(spec, clean, jobs: 2, resume: false);

        var shard0 = new Shard(0, 2);
        var shard1 = new Shard(1, 2);
        using (var cancel = new CancellationTokenSource())
            Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(spec, sharded, 1, false, new CancelAfter(4, cancel), shard0, file, cancel: cancel.Token));
        SweepRunner.Run(spec, sharded, 2, false, null, shard1, file);

        // Then a kill during a write: shard 1's last line is cut in the middle (no newline).
        var part1 = PartFiles.Journal(sharded, shard1);
        var bytes = File.ReadAllBytes(part1);
        var lastLineStart = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2) + 1;
        File.WriteAllBytes(part1, bytes[..(lastLineStart + (bytes.Length - lastLineStart) / 2)]);
        Assert.Equal(8, SweepJournal.ReadFinished(part1).Count);

        var input = SweepMerge.Read(sharded, null);
        Assert.Equal([new ShardGap(0, 5, true), new ShardGap(1, 1, true)], input.Gaps);

        var again0 = SweepRunner.Run(spec, sharded, 2, true, null, shard0, file);
        var again1 = SweepRunner.Run(spec, sharded, 2, true, null, shard1, file);
        Assert.Equal((5, 4), (again0.Computed, again0.Resumed));
        Assert.Equal((1, 8), (again1.Computed, again1.Resumed));
        foreach (var shard in new[] { shard0, shard1 })
        {
            var ids = JournalIds(PartFiles.Journal(sharded, shard)); // every line whole again
            Assert.Equal(9, ids.Count);
            Assert.Equal(9, ids.Distinct().Count());
        }

        input = SweepMerge.Read(sharded, null);
        Assert.True(input.IsComplete);
        SweepMerge.WriteTables(sharded, input);
        Assert.Equal(Csvs(clean), Csvs(sharded));
    }

    [Fact]
    public void Journal_lines_are_whole_json_lines_even_under_parallel_appends()
    {
        using var dir = new TempDirectory();
        var (spec, _) = Load(dir);
        var output = Path.Combine(dir.Path, "out");
        SweepRunner.Run(spec, output, jobs: 4, resume: false);
        var text = File.ReadAllText(Path.Combine(output, SweepRunner.JournalFile));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(18, JournalIds(Path.Combine(output, SweepRunner.JournalFile)).Distinct().Count());
    }
}
