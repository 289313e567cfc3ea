using System.Collections;
using System.Globalization;
using Sim.Core.Config;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>The shard a run takes (null: the whole plan) and where it came from, for the log line.</summary>
public sealed record ShardChoice(Shard? Shard, string Source);

/// <summary>
/// Decides which shard this process runs: an explicit <c>--shard i/N</c> wins; otherwise a Slurm array task
/// (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT) or a Kubernetes Indexed Job pod
/// (JOB_COMPLETION_INDEX of --shard-count or SIM_SHARD_COUNT); otherwise no shard. The environment is passed in, so
/// tests never touch the process environment.
/// </summary>
public static class ShardDetection
{
    public const string ShardCountVariable = "SIM_SHARD_COUNT";

    public static ShardChoice Detect(string? shardFlag, int? shardCountFlag, IReadOnlyDictionary<string, string> environment, bool noShard = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (noShard)
        {
            if (shardFlag is not null || shardCountFlag is not null)
                throw new SimInputException("--no-shard: given with --shard/--shard-count. Fix: drop one of them");
            return new ShardChoice(null, "--no-shard: the whole sweep, whatever the environment");
        }

        if (shardFlag is not null)
        {
            var shard = Shard.Parse(shardFlag);
            if (shardCountFlag is { } n && n != shard.Count)
                throw new SimInputException($"--shard-count: {n} contradicts --shard {shardFlag}. Fix: drop --shard-count (--shard already names the count)");
            return new ShardChoice(shard, $"--shard {shard}");
        }

        if (environment.TryGetValue("SLURM_ARRAY_TASK_ID", out var taskId))
        {
            var slurm = FromSlurm(taskId, environment);
            if (shardCountFlag is { } c && c != slurm.Shard!.Count)
                throw new SimInputException($"--shard-count: {c} contradicts the Slurm array's SLURM_ARRAY_TASK_COUNT={slurm.Shard.Count}. Fix: drop --shard-count (Slurm names the count)");
            return slurm;
        }

        if (environment.TryGetValue("JOB_COMPLETION_INDEX", out var completionIndex))
            return FromKubernetes(completionIndex, shardCountFlag, environment);
        if (shardCountFlag is not null)
            throw new SimInputException("--shard-count: given, but this is not a Kubernetes Indexed Job pod (no JOB_COMPLETION_INDEX). Fix: pass --shard i/N instead");
        return new ShardChoice(null, "no --shard and no Slurm array or Kubernetes index in the environment: the whole sweep");
    }

    /// <summary>True inside a Slurm array task or a Kubernetes Indexed Job pod (whether or not its variables are complete).</summary>
    public static bool InArrayJob(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.ContainsKey("SLURM_ARRAY_TASK_ID") || environment.ContainsKey("JOB_COMPLETION_INDEX");
    }

    /// <summary>The process environment as a dictionary (the one place the real environment is read).</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            variables[(string)e.Key] = e.Value as string ?? "";
        return variables;
    }

    private static ShardChoice FromSlurm(string taskIdText, IReadOnlyDictionary<string, string> env)
    {
        var taskId = Integer(taskIdText, "SLURM_ARRAY_TASK_ID");
        if (!env.TryGetValue("SLURM_ARRAY_TASK_COUNT", out var countText))
            throw new SimInputException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not (Slurm older than 17.11?). Fix: pass the shard explicitly, e.g. --shard $SLURM_ARRAY_TASK_ID/N");
        var count = Integer(countText, "SLURM_ARRAY_TASK_COUNT");
        var min = env.TryGetValue("SLURM_ARRAY_TASK_MIN", out var minText) ? Integer(minText, "SLURM_ARRAY_TASK_MIN") : 0;
        var step = env.TryGetValue("SLURM_ARRAY_TASK_STEP", out var stepText) ? Integer(stepText, "SLURM_ARRAY_TASK_STEP") : 1;
        if (step != 1)
            throw new SimInputException($"SLURM_ARRAY_TASK_STEP={step}: the array's task ids are not consecutive, so they cannot number the shards. Fix: submit with --array=0-(N-1) (a '%P' throttle is fine), or pass --shard i/N");
        // An array such as --array=1-4 numbers its tasks from SLURM_ARRAY_TASK_MIN: shard = task id − min.
        var index = taskId - min;
        if (count < 1 || index < 0 || index >= count)
            throw new SimInputException($"SLURM_ARRAY_TASK_ID={taskId}, SLURM_ARRAY_TASK_MIN={min}, SLURM_ARRAY_TASK_COUNT={count} give shard {index} of {count}, which does not exist. Fix: submit with --array=0-(N-1), or pass --shard i/N");
        return new ShardChoice(new Shard(index, count),
            string.Create(CultureInfo.InvariantCulture, $"Slurm array: SLURM_ARRAY_TASK_ID={taskId} − SLURM_ARRAY_TASK_MIN={min} of SLURM_ARRAY_TASK_COUNT={count}"));
    }

    private static ShardChoice FromKubernetes(string indexText, int? countFlag, IReadOnlyDictionary<string, string> env)
    {
        var index = Integer(indexText, "JOB_COMPLETION_INDEX");
        int count;
        string countSource;
        if (countFlag is { } n)
            (count, countSource) = (n, string.Create(CultureInfo.InvariantCulture, $"--shard-count {n}"));
        else if (env.TryGetValue(ShardCountVariable, out var countText))
            (count, countSource) = (Integer(countText, ShardCountVariable), $"{ShardCountVariable}={countText}");
        else
            throw new SimInputException($"JOB_COMPLETION_INDEX={index} names this pod's shard, but not how many shards there are. Fix: set {ShardCountVariable} to the Job's completions (sim plan --k8s does), or pass --shard-count N");
        if (count < 1 || index < 0 || index >= count)
            throw new SimInputException($"JOB_COMPLETION_INDEX={index} with {countSource}: shard {index} of {count} does not exist. Fix: make {ShardCountVariable} equal the Job's completions");
        return new ShardChoice(new Shard(index, count),
            string.Create(CultureInfo.InvariantCulture, $"Kubernetes Indexed Job: JOB_COMPLETION_INDEX={index} of {countSource}"));
    }

    private static int Integer(string text, string name) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SimInputException($"{name}='{text}' is not an integer. Fix: unset it, or pass --shard i/N explicitly");
}
