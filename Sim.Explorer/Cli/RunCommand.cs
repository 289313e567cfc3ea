using System.CommandLine;
using System.Globalization;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary><c>sim run ARCH WORKLOAD</c>: every layer of a workload on one arch → a per-layer table, layers.csv and points.csv.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var archArg = new Argument<string>("arch") { Description = "Arch file: .yaml, or a SCALE-Sim .cfg" };
        var workloadArg = new Argument<string>("workload") { Description = "Workload: .yaml, a SCALE-Sim topology .csv, or an ONNX model (.onnx)" };
        var importFlags = WorkloadImportFlags.Create();
        var mode = new Option<string>("--mode") { Description = "default or scalesim", DefaultValueFactory = _ => "default" };
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (default reports/runs/<workload>-<arch>)" };
        var mappingFile = new Option<string?>("--mapping") { Description = "Mapping file (sim map's mapping.yaml): GEMM/conv ops use the loop-nest model under its mappings" };
        var command = new Command("run", "Simulate a workload on one arch") { archArg, workloadArg, mode, output, mappingFile };
        foreach (var flag in importFlags.All)
            command.Options.Add(flag);
        command.SetAction(parse =>
        {
            var simMode = OptionParsers.Mode(parse.GetValue(mode)!);
            var arch = InputLoaders.LoadArch(InputFile.Read(parse.GetValue(archArg)!));
            var loaded = WorkloadSources.Load(parse.GetValue(workloadArg)!, importFlags.Read(parse));
            var workload = loaded.Workload;
            ImportWarnings.Print(context, loaded);
            if (simMode == Core.Hardware.SimMode.ScaleSim && workload.Ops.Select(PointEvaluator.ScaleSimProblem).FirstOrDefault(p => p is not null) is { } scaleSim)
                throw new Core.Config.SimInputException($"{parse.GetValue(workloadArg)}: {scaleSim}. Fix: run it in default mode (--mode default)");
            var pointId = new SweepPoint(0, "", workload, arch, simMode).Id;
            if (Sim.Arch.TileFeasibility.Problem(arch) is { } problem)
                throw new Core.Config.SimInputException($"{parse.GetValue(archArg)}: arch '{arch.Name}' is infeasible: {problem}. Fix: enlarge that scratchpad or use a smaller tile");
            var mapped = LoadMapping(parse.GetValue(mappingFile), workload, arch, parse.GetValue(archArg)!, simMode);
            var (point, layers) = PointEvaluator.Evaluate(pointId, workload, arch, simMode, mapped);
            if (point.Status == Analysis.RowStatus.Infeasible)
                throw new Core.Config.SimInputException($"{parse.GetValue(workloadArg)}: cannot run on arch '{arch.Name}': {point.Reason}. Fix: give the arch more on-chip memory or choose another lowering");
            point.Sweep = "run";

            var directory = parse.GetValue(output) ?? Path.Combine("reports", "runs", $"{workload.Name}-{arch.Name}");
            Directory.CreateDirectory(directory);
            ResultsCsv.Write(Path.Combine(directory, "layers.csv"), layers);
            ResultsCsv.Write(Path.Combine(directory, "points.csv"), [point]);

            var table = LayerTable(layers, point);
            table.Title = new TableTitle(Markup.Escape(mapped is null
                ? "GEMM/conv layers: tile model"
                : $"GEMM/conv layers: loop-nest model under {mapped.File}"));
            Terminal.Render(context, table);
            context.Out.WriteLine($"{workload.Name} on {arch.Name} ({arch.Tile}, {parse.GetValue(mode)} mode): {point.LatencyCycles} cycles, utilization {point.Utilization:P2}");
            context.Out.WriteLine($"wrote {Path.Combine(directory, "layers.csv")} and points.csv");
            if (OpaqueWarning(workload) is { } warning)
                context.Error.WriteLine(warning);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The mapping file, checked against the workload and the arch; null without --mapping.</summary>
    private static MappedLayers? LoadMapping(string? path, Core.Workloads.Workload workload, Core.Hardware.ArchSpec arch, string archFile, Core.Hardware.SimMode mode)
    {
        if (path is null)
            return null;
        InputLoaders.RequireLoopNest(arch, archFile, "sim run --mapping");
        if (mode != Core.Hardware.SimMode.Default)
            throw new Core.Config.SimInputException("--mapping: the loop-nest model has no scalesim mode. Fix: drop --mode scalesim, or run without --mapping");
        var file = InputFile.Read(path);
        return MappedLayers.Parse(file.DisplayPath, file.Text, workload, arch);
    }

    /// <summary>"warning: " + <see cref="OpaqueOps.Summary"/>; null when the workload has no opaque op.</summary>
    public static string? OpaqueWarning(Core.Workloads.Workload workload) =>
        OpaqueOps.Summary(workload) is { } summary ? "warning: " + summary : null;

    private static Table LayerTable(IReadOnlyList<LayerRow> layers, PointRow total)
    {
        var table = new Table();
        foreach (var header in new[] { "layer", "M", "N", "K", "compute", "stall", "total", "util", "map eff", "DRAM KB" })
            table.AddColumn(header == "layer" ? new TableColumn(header) : new TableColumn(header).RightAligned());
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        foreach (var l in layers)
        {
            var dramKb = (l.DramReadsIfmap + l.DramReadsFilter + l.DramWritesOfmap + l.DramReadsOfmap) / 1024.0;
            // An attention layer is two GEMMs and a softmax, not one GEMM: no M, N, K; nor do vector and opaque ops have any.
            // A GEMM op of several instances shows one instance's dims and "×instances" after the name.
            string Dim(long v) => l.OpKind is Core.Workloads.AttentionLayer.KindName or Core.Workloads.VectorOp.KindName or Core.Workloads.OpaqueOp.KindName ? "-" : I(v);
            var name = l.Instances == 1 ? l.Layer : $"{l.Layer} ×{l.Instances.ToString(CultureInfo.InvariantCulture)}";
            table.AddRow(Markup.Escape(name), Dim(l.M), Dim(l.N), Dim(l.K), I(l.ComputeCycles), I(l.StallCycles), I(l.TotalCycles),
                F(l.Utilization), F(l.MappingEfficiency), dramKb.ToString("0.0", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]total[/]", "", "", "", I(total.ComputeCycles), I(total.StallCycles), I(total.LatencyCycles),
            F(total.Utilization), F(total.MappingEfficiency), ((total.DramReadBytes + total.DramWriteBytes) / 1024.0).ToString("0.0", CultureInfo.InvariantCulture));
        return table;
    }
}
