using System.CommandLine;
using System.Globalization;
using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.NetworkMaps;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;
using Sim.Mapping.Network;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim map WORKLOAD --arch ARCH</c>: per-layer optimal schedules (CP-SAT), then the whole network's operator order,
/// scratchpad allocation and spill/reload, against the greedy baseline. Writes mapping.yaml (reloadable by
/// <c>sim run --mapping</c>), layers.csv, allocation.csv, timings.csv and the memory-over-time plots.
/// </summary>
public static class MapCommand
{
    public static Command Create(CliContext context)
    {
        var workloadArg = new Argument<string>("workload") { Description = "Workload: .yaml, a SCALE-Sim topology .csv, or an ONNX model (.onnx)" };
        var archOption = new Option<string>("--arch") { Description = "Arch file: .yaml, or a SCALE-Sim .cfg", Required = true };
        var objective = new Option<string>("--objective") { Description = "latency, energy or edp (each with a fixed tie-break)", DefaultValueFactory = _ => "latency" };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds per distinct layer, and for the graph allocation", DefaultValueFactory = _ => 10 };
        var order = new Option<string>("--order") { Description = "Operator order: given, min-peak, joint (small graphs) or window", DefaultValueFactory = _ => "min-peak" };
        var scratchpadKb = new Option<double?>("--scratchpad-kb") { Description = "Graph allocation budget in KB (default: the arch's three scratchpads together)" };
        var seed = new Option<int>("--seed") { Description = "Solver seed", DefaultValueFactory = _ => 1 };
        var work = new Option<double?>("--deterministic-time") { Description = "CP-SAT work limit per layer solve (machine-independent units): a search cut short still gives the same answer everywhere" };
        var output = new Option<string?>("--output", "-o") { Description = "Output directory (default reports/maps/<workload>-<arch>)" };
        var command = new Command("map", "Optimal per-layer schedules and the network's scratchpad allocation (OR-Tools CP-SAT)")
        {
            workloadArg, archOption, objective, timeLimit, order, scratchpadKb, seed, work, output,
        };
        var importFlags = WorkloadImportFlags.Create();
        foreach (var flag in importFlags.All)
            command.Options.Add(flag);
        command.SetAction(parse =>
        {
            var arch = InputLoaders.LoadArch(InputFile.Read(parse.GetValue(archOption)!));
            InputLoaders.RequireLoopNest(arch, parse.GetValue(archOption)!, "sim map");
            var loaded = WorkloadSources.Load(parse.GetValue(workloadArg)!, importFlags.Read(parse));
            var workload = loaded.Workload;
            ImportWarnings.Print(context, loaded);
            if (RunCommand.OpaqueWarning(workload) is { } opaqueWarning)
                context.Error.WriteLine(opaqueWarning);
            var mapObjective = Objective(parse.GetValue(objective)!);
            var seconds = OptionParsers.PositiveReal(parse.GetValue(timeLimit), "--time-limit");
            var orderMode = OrderModes.TryParse(parse.GetValue(order), out var parsed)
                ? parsed
                : throw new SimInputException($"--order: '{parse.GetValue(order)}' is not an order rule. Fix: use given, min-peak, joint or window");
            var budgetBytes = parse.GetValue(scratchpadKb) is { } kb
                ? (long)(OptionParsers.PositiveReal(kb, "--scratchpad-kb") * 1024)
                : arch.OnChipBufferBytes;
            if (budgetBytes < 1 || budgetBytes > GraphAllocatorOptions.MaxScratchpadBytes)
                throw new SimInputException("--scratchpad-kb: the budget must be between one byte and 2^40 KB. Fix: pass a size in KB, e.g. 640");
            var workLimit = parse.GetValue(work) is { } w ? OptionParsers.PositiveReal(w, "--deterministic-time") : (double?)null;

            // The graph allocator needs every tensor's size: an opaque op of unknown shape has none.
            if (workload.Ops.OfType<Core.Workloads.OpaqueOp>().FirstOrDefault(o => o.OutputShape is null) is { } unsized)
                throw new SimInputException($"{parse.GetValue(workloadArg)}: op '{unsized.Name}' is opaque ({unsized.Operator}: {unsized.Reason}) with no known output shape, so the graph allocator cannot size its tensor. " +
                    "Fix: give the op a shape: [...] in the workload (the importer writes it when it can infer it), or use sim run, which needs no tensor sizes");
            var result = NetworkMapper.Map(workload, arch, new NetworkMapOptions
            {
                Layer = new LayerMapperOptions(mapObjective, seconds, parse.GetValue(seed), workLimit),
                ScratchpadBytes = budgetBytes,
                Order = orderMode,
                GraphTimeLimitSeconds = seconds,
            });

            var directory = parse.GetValue(output) ?? Path.Combine("reports", "maps", $"{workload.Name}-{arch.Name}");
            var written = MapOutputs.Write(directory, result, arch, mapObjective, budgetBytes, orderMode);
            Terminal.Render(context, MapReport.LayerTable(result));
            foreach (var line in MapReport.Summary(result, arch, budgetBytes))
                context.Out.WriteLine(line);
            context.Out.WriteLine($"wrote {string.Join(", ", written.Select(Path.GetFileName))} to {directory}");
            var unmapped = MapReport.Unmapped(result);
            foreach (var line in unmapped)
                context.Error.WriteLine(line);
            return unmapped.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    public static MapObjective Objective(string text) => text.Trim().ToLowerInvariant() switch
    {
        "latency" => MapObjective.Latency,
        "energy" => MapObjective.Energy,
        "edp" => MapObjective.Edp,
        _ => throw new SimInputException($"--objective: '{text}' is not an objective. Fix: use latency, energy or edp"),
    };

    public static string Name(MapObjective objective) => objective.ToString().ToLowerInvariant();
}
