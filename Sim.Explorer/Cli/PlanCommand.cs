using System.CommandLine;
using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim plan SPEC --slurm|--k8s --shards N</c>: writes the cluster job that runs a sweep as N shards (a Slurm array
/// script plus a merge script, or a Kubernetes Indexed Job plus a merge Job) and prints the commands that submit them.
/// The job runs a self-contained <c>sim</c> (no .NET install needed on the nodes).
/// </summary>
public static class PlanCommand
{
    public const string PublishHint = "dotnet publish Sim.Explorer -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o out";

    public static Command Create(CliContext context)
    {
        var specArg = new Argument<string>("spec") { Description = "Sweep spec (.yaml)" };
        var slurm = new Option<bool>("--slurm") { Description = "Write a Slurm job array (sweep.sbatch) and merge script (merge.sbatch)" };
        var k8s = new Option<bool>("--k8s") { Description = "Write a Kubernetes Indexed Job and a merge Job" };
        var shards = new Option<int>("--shards") { Description = "Number of shards (array tasks / Job completions)", Required = true };
        var parallel = new Option<int?>("--parallel") { Description = "Shards running at once (Slurm %P throttle / Job parallelism); default: all" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Points simulated in parallel within a shard (CPUs per task)", DefaultValueFactory = _ => 1 };
        var sim = new Option<string?>("--sim") { Description = "The sim the job runs: Slurm: a self-contained sim on a path every node sees (default: this sim if it is one); Kubernetes: its path in the image (default: sim)" };
        var output = new Option<string?>("--output", "-o") { Description = "The sweep's output directory, as the job sees it (default reports/<sweep name>)" };
        var scripts = new Option<string?>("--scripts") { Description = "Where to write the job files (default: Slurm: the output directory; Kubernetes: the current directory)" };
        var image = new Option<string?>("--image") { Description = "Kubernetes: container image holding a self-contained sim (required with --k8s)" };
        var claim = new Option<string?>("--pvc") { Description = "Kubernetes: PersistentVolumeClaim (ReadWriteMany) shared by the pods, holding the spec, workloads and output; default sim-data" };
        var mount = new Option<string?>("--mount") { Description = "Kubernetes: where the claim is mounted and the pods' working directory; default /data" };
        var partition = new Option<string?>("--partition") { Description = "Slurm: #SBATCH --partition" };
        var time = new Option<string?>("--time") { Description = "Slurm: #SBATCH --time (e.g. 01:00:00)" };
        var memory = new Option<string?>("--mem") { Description = "Memory per shard: Slurm #SBATCH --mem (e.g. 4G); Kubernetes resources.requests.memory (e.g. 4Gi)" };
        var command = new Command("plan", "Write a Slurm array script or Kubernetes Indexed Job that runs a sweep in shards, plus its merge step")
        {
            specArg, slurm, k8s, shards, parallel, jobs, sim, output, scripts, image, claim, mount, partition, time, memory,
        };
        command.SetAction(parse =>
        {
            var isSlurm = parse.GetValue(slurm);
            var isK8s = parse.GetValue(k8s);
            if (isSlurm == isK8s)
                throw new SimInputException("sim plan: choose one target. Fix: pass --slurm or --k8s");
            var shardCount = parse.GetValue(shards);
            if (shardCount < 1)
                throw new SimInputException($"--shards: {shardCount} must be at least 1. Fix: e.g. --shards 16");
            var parallelCount = parse.GetValue(parallel) ?? shardCount;
            if (parallelCount < 1)
                throw new SimInputException($"--parallel: {parallelCount} must be at least 1. Fix: e.g. --parallel 4, or leave it out to run all shards at once");
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
                throw new SimInputException($"--jobs: {jobCount} must be at least 1. Fix: e.g. --jobs 4");
            if (isSlurm && (parse.GetValue(image) ?? parse.GetValue(claim) ?? parse.GetValue(mount)) is not null)
                throw new SimInputException("--image/--pvc/--mount: Kubernetes options given with --slurm. Fix: drop them, or use --k8s");
            if (isK8s && (parse.GetValue(partition) ?? parse.GetValue(time)) is not null)
                throw new SimInputException("--partition/--time: Slurm options given with --k8s. Fix: drop them, or use --slurm");

            var specPath = parse.GetValue(specArg)!;
            var specFile = InputFile.Read(specPath);
            if (ExperimentSweeps.For(specFile) is not null)
                throw new SimInputException($"{specFile.DisplayPath}: experiment sweeps ({string.Join(", ", ExperimentSweeps.Keys)}) are not shardable. Fix: run them with sim sweep");
            var spec = SweepSpecYaml.Read(specFile); // validated here, before anything is submitted
            if (spec.Search is not null)
                throw new SimInputException($"{specFile.DisplayPath}: a search runs generation by generation (each asks for points the last one chose), so it cannot be split into shards. Fix: run it with sim sweep on one machine, or plan a sampled sweep (drop 'search:')");
            var directory = parse.GetValue(output) ?? Path.Combine("reports", spec.Name);
            if (shardCount > spec.PointCount)
                context.Error.WriteLine($"warning: {shardCount} shards for {spec.PointCount} points: {shardCount - spec.PointCount} shards will have nothing to do");

            ClusterPlan plan;
            string scriptDirectory;
            IReadOnlyList<string> submit;
            if (isSlurm)
            {
                // #SBATCH lines are not shell-quoted: a space ends the value and '%' starts a filename pattern there.
                foreach (var (flag, value) in new[] { ("-o", Path.GetFullPath(directory)), ("--partition", parse.GetValue(partition)), ("--time", parse.GetValue(time)), ("--mem", parse.GetValue(memory)) })
                {
                    if (value is not null && value.Any(c => char.IsWhiteSpace(c) || c == '%'))
                        throw new SimInputException($"{flag}: '{value}' has a space or '%', which an #SBATCH line cannot carry (a space ends the value, '%' is a Slurm filename pattern). Fix: choose a value without them");
                }

                // Slurm runs the script from wherever it was submitted: absolute paths make that irrelevant.
                plan = new ClusterPlan(spec.Name, Path.GetFullPath(specPath), Path.GetFullPath(directory), SlurmSim(parse.GetValue(sim)), shardCount, parallelCount, jobCount)
                {
                    Partition = parse.GetValue(partition),
                    Time = parse.GetValue(time),
                    Memory = parse.GetValue(memory),
                };
                scriptDirectory = parse.GetValue(scripts) ?? plan.OutputDirectory;
                Directory.CreateDirectory(scriptDirectory);
                Directory.CreateDirectory(SlurmPlan.LogDirectory(plan));
                File.WriteAllText(Path.Combine(scriptDirectory, SlurmPlan.SweepScript), SlurmPlan.Sweep(plan));
                File.WriteAllText(Path.Combine(scriptDirectory, SlurmPlan.MergeScript), SlurmPlan.Merge(plan));
                submit = SlurmPlan.SubmitCommands(scriptDirectory);
                context.Error.WriteLine($"wrote {Path.Combine(scriptDirectory, SlurmPlan.SweepScript)} (array 0-{shardCount - 1}%{parallelCount}) and {SlurmPlan.MergeScript}; logs go to {SlurmPlan.LogDirectory(plan)}");
            }
            else
            {
                var imageName = parse.GetValue(image)
                    ?? throw new SimInputException($"--image: required with --k8s. Fix: build an image holding a self-contained sim ({PublishHint}) and pass it, e.g. --image registry.example.com/sim:0.1");
                plan = new ClusterPlan(spec.Name, specPath, directory, parse.GetValue(sim) ?? "sim", shardCount, parallelCount, jobCount)
                {
                    Memory = parse.GetValue(memory),
                    Image = imageName,
                    VolumeClaim = parse.GetValue(claim) ?? "sim-data",
                    MountPath = parse.GetValue(mount) ?? "/data",
                };
                scriptDirectory = parse.GetValue(scripts) ?? ".";
                Directory.CreateDirectory(scriptDirectory);
                File.WriteAllText(Path.Combine(scriptDirectory, KubernetesPlan.SweepFile(plan)), KubernetesPlan.Sweep(plan));
                File.WriteAllText(Path.Combine(scriptDirectory, KubernetesPlan.MergeFile(plan)), KubernetesPlan.Merge(plan));
                submit = KubernetesPlan.SubmitCommands(plan, scriptDirectory);
                context.Error.WriteLine($"wrote {Path.Combine(scriptDirectory, KubernetesPlan.SweepFile(plan))} (Indexed Job, {shardCount} completions, parallelism {parallelCount}) and {KubernetesPlan.MergeFile(plan)}");
            }

            context.Error.WriteLine($"{spec.PointCount} points in {shardCount} shards of {spec.PointCount / shardCount}–{(spec.PointCount + shardCount - 1) / shardCount} points; run:");
            foreach (var line in submit)
                context.Out.WriteLine(line);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The sim a Slurm job runs: --sim if given (it must exist), else this process if it is a self-contained sim.</summary>
    private static string SlurmSim(string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            return File.Exists(full)
                ? full
                : throw new SimInputException($"--sim: {full}: file not found. Fix: pass the path of a self-contained sim that every node can read; build one with {PublishHint}");
        }

        return RunningSelfContainedSim()
            ?? throw new SimInputException($"--sim: this sim ({Environment.ProcessPath}) is not a self-contained sim executable, so the nodes may not be able to run it. Fix: build one with {PublishHint} and pass --sim out/sim (on a filesystem every node sees)");
    }

    /// <summary>
    /// This process's executable when it is a published sim that runs without a .NET install: a single-file bundle (no
    /// sim.dll beside it) or a self-contained folder (the runtime, libcoreclr.so, beside it). Null under <c>dotnet</c>,
    /// a test host, or a framework-dependent build.
    /// </summary>
    public static string? RunningSelfContainedSim()
    {
        var exe = Environment.ProcessPath;
        if (exe is null || !string.Equals(Path.GetFileName(exe), "sim", StringComparison.Ordinal))
            return null;
        var folder = Path.GetDirectoryName(exe) ?? ".";
        var singleFile = !File.Exists(Path.Combine(folder, "sim.dll"));
        var selfContained = File.Exists(Path.Combine(folder, "libcoreclr.so"));
        return singleFile || selfContained ? exe : null;
    }
}
