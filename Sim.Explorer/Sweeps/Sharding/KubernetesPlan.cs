using System.Text;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>
/// A Kubernetes Indexed Job for a sharded sweep (<c>completionMode: Indexed</c>, completions N, parallelism P; each pod's
/// shard is JOB_COMPLETION_INDEX of SIM_SHARD_COUNT) and a one-pod merge Job, both mounting one shared volume
/// (a ReadWriteMany PersistentVolumeClaim) as their working directory, so relative SPEC and DIR paths resolve on it.
/// </summary>
public static class KubernetesPlan
{
    public static string SweepFile(ClusterPlan plan) => plan?.JobName + "-sweep-job.yaml";

    public static string MergeFile(ClusterPlan plan) => plan?.JobName + "-merge-job.yaml";

    public static string Sweep(ClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append($"# sim sweep '{plan.SweepName}' as a Kubernetes Indexed Job: {plan.Shards} shards, at most {plan.Parallel} pods at once.\n");
        text.Append("# Written by `sim plan --k8s`. Each pod runs shard JOB_COMPLETION_INDEX of SIM_SHARD_COUNT into its own part file;\n");
        text.Append("# --resume lets a retried pod keep its finished points.\n");
        AppendJob(text, plan, plan.JobName, completions: plan.Shards, parallelism: plan.Parallel, indexed: true,
            ["sweep", plan.SpecPath, "-o", plan.OutputDirectory, "--jobs", ClusterPlan.Number(plan.JobsPerShard), "--resume"], plan.JobsPerShard);
        return text.ToString();
    }

    public static string Merge(ClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append($"# Merges the part files of sim sweep '{plan.SweepName}'. Written by `sim plan --k8s`; apply once {plan.JobName} is complete.\n");
        AppendJob(text, plan, plan.JobName + "-merge", completions: 1, parallelism: 1, indexed: false,
            ["merge", plan.OutputDirectory, plan.SpecPath], jobs: 1);
        return text.ToString();
    }

    /// <summary>The commands that run the sweep, wait for it, and merge.</summary>
    public static IReadOnlyList<string> SubmitCommands(ClusterPlan plan, string scriptDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return
        [
            $"kubectl apply -f {ClusterPlan.ShellQuote(Path.Combine(scriptDirectory, SweepFile(plan)))}",
            $"kubectl wait --for=condition=complete --timeout=24h job/{plan.JobName}",
            $"kubectl apply -f {ClusterPlan.ShellQuote(Path.Combine(scriptDirectory, MergeFile(plan)))}",
        ];
    }

    private static void AppendJob(StringBuilder text, ClusterPlan plan, string name, int completions, int parallelism, bool indexed, string[] arguments, int jobs)
    {
        var y = (Func<string, string>)ClusterPlan.YamlQuote;
        text.Append("apiVersion: batch/v1\n");
        text.Append("kind: Job\n");
        text.Append("metadata:\n");
        text.Append($"  name: {name}\n");
        text.Append("  labels:\n");
        text.Append("    app.kubernetes.io/name: sim\n");
        text.Append($"    sim/sweep: {plan.JobName}\n");
        text.Append("spec:\n");
        if (indexed)
            text.Append("  completionMode: Indexed\n");
        text.Append($"  completions: {completions}\n");
        text.Append($"  parallelism: {parallelism}\n");
        text.Append($"  backoffLimit: {Math.Max(1, completions)}\n"); // about one retry per shard; --resume makes a retry cheap
        text.Append("  template:\n");
        text.Append("    metadata:\n");
        text.Append("      labels:\n");
        text.Append("        app.kubernetes.io/name: sim\n");
        text.Append("    spec:\n");
        text.Append("      restartPolicy: Never\n");
        text.Append("      containers:\n");
        text.Append("        - name: sim\n");
        text.Append($"          image: {y(plan.Image ?? "")}\n");
        text.Append($"          workingDir: {y(plan.MountPath)}\n");
        text.Append($"          command: [{string.Join(", ", new[] { plan.SimPath }.Concat(arguments).Select(y))}]\n");
        if (indexed)
        {
            text.Append("          env:\n");
            text.Append($"            - name: {ShardDetection.ShardCountVariable}\n");
            text.Append($"              value: {y(ClusterPlan.Number(completions))}\n");
        }

        text.Append("          resources:\n");
        text.Append("            requests:\n");
        text.Append($"              cpu: {y(ClusterPlan.Number(jobs))}\n");
        if (plan.Memory is { } memory)
            text.Append($"              memory: {y(memory)}\n");
        text.Append("          volumeMounts:\n");
        text.Append("            - name: data\n");
        text.Append($"              mountPath: {y(plan.MountPath)}\n");
        text.Append("      volumes:\n");
        text.Append("        - name: data\n");
        text.Append("          persistentVolumeClaim:\n");
        text.Append($"            claimName: {y(plan.VolumeClaim)}\n");
    }
}
