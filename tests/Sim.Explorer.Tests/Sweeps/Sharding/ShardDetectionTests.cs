using Sim.Core.Config;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Tests.Sweeps.Sharding;

/// <summary>The environment is a dictionary here: the process environment is never read or changed.</summary>
public class ShardDetectionTests
{
    private static Dictionary<string, string> Env(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void No_flag_and_no_scheduler_runs_the_whole_sweep()
    {
        var choice = ShardDetection.Detect(null, null, Env(("PATH", "/usr/bin")));
        Assert.Null(choice.Shard);
    }

    [Fact]
    public void Slurm_array_task_id_and_count_give_the_shard()
    {
        var choice = ShardDetection.Detect(null, null, Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_STEP", "1")));
        Assert.Equal(new Shard(2, 4), choice.Shard);
        Assert.Contains("SLURM_ARRAY_TASK_ID=2", choice.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Slurm_array_not_starting_at_zero_is_offset_by_its_minimum()
    {
        // sbatch --array=1-4: tasks 1..4 are shards 0..3
        var shards = Enumerable.Range(1, 4)
            .Select(id => ShardDetection.Detect(null, null, Env(("SLURM_ARRAY_TASK_ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "1"))).Shard)
            .ToList();
        Assert.Equal([new Shard(0, 4), new Shard(1, 4), new Shard(2, 4), new Shard(3, 4)], shards);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_STEP", "2", "not consecutive")]
    [InlineData("SLURM_ARRAY_TASK_COUNT", "x", "is not an integer")]
    [InlineData("SLURM_ARRAY_TASK_MIN", "5", "does not exist")]
    public void Slurm_arrays_that_cannot_number_shards_are_rejected(string key, string value, string expected)
    {
        var env = Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "4"));
        env[key] = value;
        var e = Assert.Throws<SimInputException>(() => ShardDetection.Detect(null, null, env));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slurm_task_id_without_count_names_the_fix()
    {
        var e = Assert.Throws<SimInputException>(() => ShardDetection.Detect(null, null, Env(("SLURM_ARRAY_TASK_ID", "3"))));
        Assert.Contains("SLURM_ARRAY_TASK_COUNT is not", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: pass the shard explicitly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_completion_index_takes_the_count_from_the_variable_or_the_flag()
    {
        var fromVariable = ShardDetection.Detect(null, null, Env(("JOB_COMPLETION_INDEX", "5"), ("SIM_SHARD_COUNT", "8")));
        Assert.Equal(new Shard(5, 8), fromVariable.Shard);
        Assert.Contains("JOB_COMPLETION_INDEX=5", fromVariable.Source, StringComparison.Ordinal);

        var fromFlag = ShardDetection.Detect(null, 6, Env(("JOB_COMPLETION_INDEX", "5"), ("SIM_SHARD_COUNT", "8")));
        Assert.Equal(new Shard(5, 6), fromFlag.Shard);
        Assert.Contains("--shard-count 6", fromFlag.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_index_without_a_count_is_an_error_naming_the_fix()
    {
        var e = Assert.Throws<SimInputException>(() => ShardDetection.Detect(null, null, Env(("JOB_COMPLETION_INDEX", "1"))));
        Assert.Contains("Fix: set SIM_SHARD_COUNT", e.Message, StringComparison.Ordinal);
        Assert.Contains("--shard-count", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SimInputException>(() => ShardDetection.Detect(null, null, Env(("JOB_COMPLETION_INDEX", "4"), ("SIM_SHARD_COUNT", "4"))));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_flag_wins_over_the_environment()
    {
        var env = Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("JOB_COMPLETION_INDEX", "1"), ("SIM_SHARD_COUNT", "3"));
        var choice = ShardDetection.Detect("1/2", null, env);
        Assert.Equal(new Shard(1, 2), choice.Shard);
        Assert.Equal("--shard 1/2", choice.Source);
    }

    [Fact]
    public void Shard_count_flag_outside_kubernetes_or_against_the_shard_flag_is_rejected()
    {
        Assert.Contains("not a Kubernetes Indexed Job", Assert.Throws<SimInputException>(() => ShardDetection.Detect(null, 4, Env())).Message, StringComparison.Ordinal);
        Assert.Contains("contradicts", Assert.Throws<SimInputException>(() => ShardDetection.Detect("0/2", 4, Env())).Message, StringComparison.Ordinal);
    }
}
