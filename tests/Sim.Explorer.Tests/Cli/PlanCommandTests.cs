using Sim.Explorer.Cli;
using YamlDotNet.RepresentationModel;

namespace Sim.Explorer.Tests.Cli;

public class PlanCommandTests
{
    private static (string Spec, string Sim) Setup(TempDirectory dir)
    {
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        var spec = dir.Write("sweep.yaml", """
            name: plan_me
            base:
              name: b
              tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
              scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
              dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
            workloads: [w.yaml]
            axes:
              rows: [4, 8, 16, 32]
              cols: [4, 8]
            """);
        return (spec, dir.Write("bin/sim", "#!/bin/sh\n"));
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;

    [Fact]
    public void Slurm_plan_writes_an_array_script_a_merge_script_and_the_submit_commands()
    {
        using var dir = new TempDirectory();
        var (spec, sim) = Setup(dir);
        var output = Path.Combine(dir.Path, "out");
        var (code, stdout, stderr) = CliRunner.Run("plan", spec, "--slurm", "--shards", "4", "--parallel", "2", "--sim", sim, "-o", output,
            "--partition", "debug", "--time", "00:10:00", "--mem", "2G", "--jobs", "3");
        Assert.True(code == 0, stderr);

        var sweep = File.ReadAllLines(Path.Combine(output, "sweep.sbatch"));
        Assert.Equal("#!/bin/bash", sweep[0]);
        var directives = sweep.Where(l => l.StartsWith("#SBATCH ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["#SBATCH --job-name=sim-plan-me", "#SBATCH --array=0-3%2", "#SBATCH --cpus-per-task=3", $"#SBATCH --output={output}/logs/shard-%a.out",
             "#SBATCH --partition=debug", "#SBATCH --time=00:10:00", "#SBATCH --mem=2G"],
            directives);
        // Directives come before the first command, or sbatch ignores them.
        Assert.True(Array.FindLastIndex(sweep, l => l.StartsWith("#SBATCH", StringComparison.Ordinal)) < Array.FindIndex(sweep, l => l.Length > 0 && !l.StartsWith('#')));
        Assert.Equal($"exec {sim} sweep {spec} -o {output} --jobs 3 --resume", sweep[^1]);
        Assert.True(Directory.Exists(Path.Combine(output, "logs")));

        var merge = File.ReadAllLines(Path.Combine(output, "merge.sbatch"));
        Assert.Contains("#SBATCH --job-name=sim-plan-me-merge", merge);
        Assert.Equal($"exec {sim} merge {output} {spec}", merge[^1]);

        var commands = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"jobid=$(sbatch --parsable {output}/sweep.sbatch)", commands[0]);
        Assert.Equal($"sbatch --dependency=afterok:${{jobid%%;*}} {output}/merge.sbatch", commands[1]);
    }

    [Fact]
    public void Kubernetes_plan_writes_an_indexed_job_and_a_merge_job_that_parse_as_yaml()
    {
        using var dir = new TempDirectory();
        var (spec, _) = Setup(dir);
        var scripts = Path.Combine(dir.Path, "k8s");
        var (code, stdout, stderr) = CliRunner.Run("plan", spec, "--k8s", "--shards", "6", "--parallel", "3", "--image", "registry.example/sim:1",
            "-o", "reports/plan", "--scripts", scripts, "--mem", "1Gi", "--pvc", "shared", "--mount", "/mnt/work");
        Assert.True(code == 0, stderr);

        var sweepText = File.ReadAllText(Path.Combine(scripts, "sim-plan-me-sweep-job.yaml"));
        var stream = new YamlStream();
        stream.Load(new StringReader(sweepText));
        var job = (YamlMappingNode)stream.Documents.Single().RootNode;
        Assert.Equal("batch/v1", Scalar(job, "apiVersion"));
        Assert.Equal("Job", Scalar(job, "kind"));
        Assert.Equal("sim-plan-me", Scalar(Map(job, "metadata"), "name"));
        var jobSpec = Map(job, "spec");
        Assert.Equal("Indexed", Scalar(jobSpec, "completionMode"));
        Assert.Equal("6", Scalar(jobSpec, "completions"));
        Assert.Equal("3", Scalar(jobSpec, "parallelism"));
        var pod = Map(Map(jobSpec, "template"), "spec");
        Assert.Equal("Never", Scalar(pod, "restartPolicy"));
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Single();
        Assert.Equal("registry.example/sim:1", Scalar(container, "image"));
        Assert.Equal("/mnt/work", Scalar(container, "workingDir"));
        Assert.Equal(["sim", "sweep", spec, "-o", "reports/plan", "--jobs", "1", "--resume"],
            ((YamlSequenceNode)container["command"]).Select(n => ((YamlScalarNode)n).Value));
        var env = (YamlMappingNode)((YamlSequenceNode)container["env"]).Single();
        Assert.Equal(("SIM_SHARD_COUNT", "6"), (Scalar(env, "name"), Scalar(env, "value")));
        Assert.Equal("1Gi", Scalar(Map(Map(container, "resources"), "requests"), "memory"));
        var mount = (YamlMappingNode)((YamlSequenceNode)container["volumeMounts"]).Single();
        Assert.Equal(("data", "/mnt/work"), (Scalar(mount, "name"), Scalar(mount, "mountPath")));
        var volume = (YamlMappingNode)((YamlSequenceNode)pod["volumes"]).Single();
        Assert.Equal("shared", Scalar(Map(volume, "persistentVolumeClaim"), "claimName"));

        stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(scripts, "sim-plan-me-merge-job.yaml"))));
        var merge = (YamlMappingNode)stream.Documents.Single().RootNode;
        Assert.Equal("sim-plan-me-merge", Scalar(Map(merge, "metadata"), "name"));
        Assert.False(Map(merge, "spec").Children.ContainsKey("completionMode"));
        var mergeContainer = (YamlMappingNode)((YamlSequenceNode)Map(Map(Map(merge, "spec"), "template"), "spec")["containers"]).Single();
        Assert.Equal(["sim", "merge", "reports/plan", spec], ((YamlSequenceNode)mergeContainer["command"]).Select(n => ((YamlScalarNode)n).Value));

        Assert.Contains("kubectl wait --for=condition=complete --timeout=24h job/sim-plan-me", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--shards", "4" }, "choose one target")]
    [InlineData(new[] { "--slurm", "--k8s", "--shards", "4" }, "choose one target")]
    [InlineData(new[] { "--slurm", "--shards", "0" }, "--shards: 0 must be at least 1")]
    [InlineData(new[] { "--slurm", "--shards", "4", "--parallel", "0" }, "--parallel: 0 must be at least 1")]
    [InlineData(new[] { "--k8s", "--shards", "4" }, "--image: required with --k8s")]
    [InlineData(new[] { "--k8s", "--shards", "4", "--image", "i", "--partition", "p" }, "Slurm options given with --k8s")]
    [InlineData(new[] { "--slurm", "--shards", "4", "--sim", "/nonexistent/sim" }, "file not found")]
    public void Bad_plan_flags_exit_2_with_a_fix(string[] flags, string expected)
    {
        using var dir = new TempDirectory();
        var (spec, _) = Setup(dir);
        var (code, _, stderr) = CliRunner.Run(["plan", spec, "-o", Path.Combine(dir.Path, "o"), "--scripts", Path.Combine(dir.Path, "s"), .. flags]);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Contains("Fix:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Slurm_plan_under_a_test_host_asks_for_a_self_contained_sim()
    {
        Assert.Null(PlanCommand.RunningSelfContainedSim()); // the test host is not a published sim
        using var dir = new TempDirectory();
        var (spec, _) = Setup(dir);
        var (code, _, stderr) = CliRunner.Run("plan", spec, "--slurm", "--shards", "2", "-o", Path.Combine(dir.Path, "o"));
        Assert.Equal(2, code);
        Assert.Contains("--self-contained -p:PublishSingleFile=true", stderr, StringComparison.Ordinal);
    }
}
