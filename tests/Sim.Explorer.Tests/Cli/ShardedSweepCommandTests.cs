using System.Globalization;

namespace Sim.Explorer.Tests.Cli;

/// <summary><c>sim sweep --shard</c> and <c>sim merge</c>, run in-process.</summary>
public class ShardedSweepCommandTests
{
    private const string Spec = """
        name: shard-sweep
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [w.yaml, t.csv]
        axes:
          rows: [4, 8, 16]
          cols: [4, 8]
          dataflow: [os, ws]
        """;

    private static string Setup(TempDirectory dir)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        dir.Write("t.csv", "Layer,M,N,K,\nl1,10,20,30,\nl2,5,6,7,\n");
        return dir.Write("sweep.yaml", Spec);
    }

    private static string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file));

    private static void RunShard(string spec, string output, int index, int count, params string[] more)
    {
        var (code, _, stderr) = CliRunner.Run(["sweep", spec, "-o", output, "--shard", $"{index}/{count}", "--jobs", "2", .. more]);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Three_shards_merged_equal_an_unsharded_run_byte_for_byte()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var full = Path.Combine(dir.Path, "full");
        var sharded = Path.Combine(dir.Path, "sharded");
        Assert.Equal(0, CliRunner.Run("sweep", spec, "-o", full, "--jobs", "2").ExitCode);

        for (var i = 0; i < 3; i++)
            RunShard(spec, sharded, i, 3);
        // A shard writes only its own part files: no shared table exists before the merge.
        Assert.False(File.Exists(Path.Combine(sharded, "points.csv")));
        Assert.Equal(9, Directory.GetFiles(Path.Combine(sharded, "parts")).Length);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(sharded, "parts", "shard-1-of-3.jsonl")).Length);

        var (code, stdout, stderr) = CliRunner.Run("merge", sharded, "--parquet");
        Assert.True(code == 0, stderr);
        Assert.Contains("merged 24 points from 3 shards", stdout, StringComparison.Ordinal);
        foreach (var file in new[] { "points.csv", "layers.csv", "breakdown.csv", "manifest.json", "report.html" })
            Assert.Equal(Read(full, file), Read(sharded, file));
        Assert.True(File.Exists(Path.Combine(sharded, "pareto.png")));
        Assert.True(File.Exists(Path.Combine(sharded, "points.parquet")) && File.Exists(Path.Combine(sharded, "breakdown.parquet")));
    }

    [Fact]
    public void Slurm_environment_picks_the_shard_and_the_log_says_so()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var output = Path.Combine(dir.Path, "out");
        for (var task = 1; task <= 2; task++) // sbatch --array=1-2
        {
            var env = new Dictionary<string, string>
            {
                ["SLURM_ARRAY_TASK_ID"] = task.ToString(CultureInfo.InvariantCulture),
                ["SLURM_ARRAY_TASK_MIN"] = "1",
                ["SLURM_ARRAY_TASK_COUNT"] = "2",
            };
            var (code, _, stderr) = CliRunner.RunWith(env, "sweep", spec, "-o", output);
            Assert.True(code == 0, stderr);
            Assert.Contains($"shard {task - 1}/2 from Slurm array: SLURM_ARRAY_TASK_ID={task}", stderr, StringComparison.Ordinal);
        }

        Assert.Equal(0, CliRunner.Run("merge", output, spec).ExitCode);
        Assert.Equal(25, File.ReadAllLines(Path.Combine(output, "points.csv")).Length);
    }

    [Fact]
    public void Merge_with_missing_points_exits_1_naming_the_shards_and_the_commands_that_finish_them()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var output = Path.Combine(dir.Path, "out");
        RunShard(spec, output, 0, 3);
        RunShard(spec, output, 2, 3);
        // Shard 2 was killed after 5 of its 8 points.
        var part = Path.Combine(output, "parts", "shard-2-of-3.jsonl");
        File.WriteAllLines(part, File.ReadAllLines(part).Take(5));

        var (code, _, stderr) = CliRunner.Run("merge", output);
        Assert.Equal(1, code);
        Assert.Contains("11 of 24 points are missing, from 2 of 3 shards: shard 1 (8 missing, no part file), shard 2 (3 missing)", stderr, StringComparison.Ordinal);
        Assert.Contains($"sim sweep {spec} --shard 1/3 --resume -o {output}", stderr, StringComparison.Ordinal);
        Assert.Contains($"sim sweep {spec} --shard 2/3 --resume -o {output}", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "points.csv")));

        // Following the advice completes the merge.
        RunShard(spec, output, 1, 3, "--resume");
        RunShard(spec, output, 2, 3, "--resume");
        Assert.Equal(0, CliRunner.Run("merge", output).ExitCode);
    }

    [Fact]
    public void Merge_rejects_parts_of_different_specs_or_shard_counts_with_exit_2()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var other = dir.Write("other.yaml", Spec.Replace("cols: [4, 8]", "cols: [4, 16]", StringComparison.Ordinal));
        var mixed = Path.Combine(dir.Path, "mixed");
        RunShard(spec, mixed, 0, 2);
        RunShard(other, mixed, 1, 2);
        var (code, _, stderr) = CliRunner.Run("merge", mixed);
        Assert.Equal(2, code);
        Assert.Contains("the parts were made from different specs", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix:", stderr, StringComparison.Ordinal);

        var counts = Path.Combine(dir.Path, "counts");
        RunShard(spec, counts, 0, 2);
        RunShard(spec, counts, 0, 3);
        (code, _, stderr) = CliRunner.Run("merge", counts);
        Assert.Equal(2, code);
        Assert.Contains("parts of 2 shards and 3 shards are mixed", stderr, StringComparison.Ordinal);

        // A SPEC argument that is not the parts' spec.
        var single = Path.Combine(dir.Path, "single");
        RunShard(spec, single, 0, 1);
        (code, _, stderr) = CliRunner.Run("merge", single, other);
        Assert.Equal(2, code);
        Assert.Contains("is not the one the parts", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("merge", Path.Combine(dir.Path, "nothing"));
        Assert.Equal(2, code);
        Assert.Contains("no part files", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_in_two_parts_is_kept_once_if_identical_and_is_an_error_if_not()
    {
        using var dir = new TempDirectory();
        var spec = Setup(dir);
        var full = Path.Combine(dir.Path, "full");
        var output = Path.Combine(dir.Path, "out");
        Assert.Equal(0, CliRunner.Run("sweep", spec, "-o", full).ExitCode);
        RunShard(spec, output, 0, 2);
        RunShard(spec, output, 1, 2);
        var part0 = Path.Combine(output, "parts", "shard-0-of-2.jsonl");
        var part1 = Path.Combine(output, "parts", "shard-1-of-2.jsonl");
        var first = File.ReadAllLines(part0)[0];

        File.AppendAllText(part1, first + "\n"); // shard 0's first point, identical, also in shard 1's part
        var (code, _, stderr) = CliRunner.Run("merge", output);
        Assert.True(code == 0, stderr);
        Assert.Equal(Read(full, "points.csv"), Read(output, "points.csv"));

        var changed = first.Replace("\"LatencyCycles\":", "\"LatencyCycles\":1", StringComparison.Ordinal);
        Assert.NotEqual(first, changed);
        File.AppendAllText(part1, changed + "\n");
        (code, _, stderr) = CliRunner.Run("merge", output);
        Assert.Equal(1, code);
        Assert.Contains("has different results in shard-0-of-2.jsonl and shard-1-of-2.jsonl", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Experiment_specs_cannot_be_sharded()
    {
        using var dir = new TempDirectory();
        var spec = dir.Write("a.yaml", "attention:\n  name: a\n");
        var (code, _, stderr) = CliRunner.Run("sweep", spec, "--shard", "0/2");
        Assert.Equal(2, code);
        Assert.Contains("not shardable", stderr, StringComparison.Ordinal);
    }
}
