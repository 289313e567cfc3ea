using System.Text;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>
/// A Slurm job array for a sharded sweep: <c>sweep.sbatch</c> (<c>#SBATCH --array=0-(N-1)%P</c>; each task's shard
/// comes from SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT) and <c>merge.sbatch</c>, submitted with
/// <c>--dependency=afterok:&lt;array job id&gt;</c> so it runs once every task has succeeded.
/// </summary>
public static class SlurmPlan
{
    public const string SweepScript = "sweep.sbatch";
    public const string MergeScript = "merge.sbatch";

    /// <summary>Where the tasks' stdout/stderr go (Slurm does not create the folder: <c>sim plan</c> does).</summary>
    public static string LogDirectory(ClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.OutputDirectory.TrimEnd('/') + "/logs";
    }

    public static string Sweep(ClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var q = (Func<string, string>)ClusterPlan.ShellQuote;
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append($"# sim sweep '{plan.SweepName}' as a Slurm job array: {plan.Shards} shards, at most {plan.Parallel} running at once.\n");
        text.Append("# Written by `sim plan --slurm`. Each task runs one shard (sim reads SLURM_ARRAY_TASK_ID and\n");
        text.Append("# SLURM_ARRAY_TASK_COUNT) into its own part file; --resume lets a requeued task keep its finished points.\n");
        text.Append($"#SBATCH --job-name={plan.JobName}\n");
        text.Append($"#SBATCH --array=0-{plan.Shards - 1}%{plan.Parallel}\n");
        text.Append($"#SBATCH --cpus-per-task={plan.JobsPerShard}\n");
        text.Append($"#SBATCH --output={LogDirectory(plan)}/shard-%a.out\n");
        AppendResources(text, plan);
        text.Append("set -euo pipefail\n");
        text.Append($"exec {q(plan.SimPath)} sweep {q(plan.SpecPath)} -o {q(plan.OutputDirectory)} --jobs {plan.JobsPerShard} --resume\n");
        return text.ToString();
    }

    public static string Merge(ClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var q = (Func<string, string>)ClusterPlan.ShellQuote;
        var text = new StringBuilder();
        text.Append("#!/bin/bash\n");
        text.Append($"# Merges the part files of sim sweep '{plan.SweepName}' into points.csv, layers.csv, manifest.json and plots.\n");
        text.Append("# Written by `sim plan --slurm`; submit with --dependency=afterok:<array job id>.\n");
        text.Append($"#SBATCH --job-name={plan.JobName}-merge\n");
        text.Append("#SBATCH --cpus-per-task=1\n");
        text.Append($"#SBATCH --output={LogDirectory(plan)}/merge.out\n");
        AppendResources(text, plan);
        text.Append("set -euo pipefail\n");
        text.Append($"exec {q(plan.SimPath)} merge {q(plan.OutputDirectory)} {q(plan.SpecPath)}\n");
        return text.ToString();
    }

    /// <summary>The two commands that submit the array and then the merge after it.</summary>
    public static IReadOnlyList<string> SubmitCommands(string scriptDirectory) =>
    [
        $"jobid=$(sbatch --parsable {ClusterPlan.ShellQuote(Path.Combine(scriptDirectory, SweepScript))})",
        $"sbatch --dependency=afterok:${{jobid%%;*}} {ClusterPlan.ShellQuote(Path.Combine(scriptDirectory, MergeScript))}",
    ];

    private static void AppendResources(StringBuilder text, ClusterPlan plan)
    {
        if (plan.Partition is { } partition)
            text.Append($"#SBATCH --partition={partition}\n");
        if (plan.Time is { } time)
            text.Append($"#SBATCH --time={time}\n");
        if (plan.Memory is { } memory)
            text.Append($"#SBATCH --mem={memory}\n");
    }
}
