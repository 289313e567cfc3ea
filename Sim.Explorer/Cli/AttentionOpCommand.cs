using System.CommandLine;
using System.Globalization;
using Sim.Arch;
using Sim.Arch.Attention;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Spectre.Console;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim op attention</c>: one attention on one tile of any kind plus a vector unit, under one lowering or all three
/// side by side, as tables or one JSON object.
/// </summary>
public static class AttentionOpCommand
{
    public static Command Create(CliContext context)
    {
        var batch = new Option<long>("--batch") { Description = "Batch size", Required = true };
        var heads = new Option<long>("--heads") { Description = "Query heads", Required = true };
        var kvHeads = new Option<long?>("--kv-heads") { Description = "KV heads (default: --heads, MHA; a divisor for GQA; 1 for MQA)" };
        var seqQ = new Option<long>("--seq-q") { Description = "Query length (1 = decode)", Required = true };
        var seqKv = new Option<long>("--seq-kv") { Description = "Key/value length", Required = true };
        var headDim = new Option<long>("--head-dim") { Description = "Head dimension d", Required = true };
        var causal = new Option<bool>("--causal") { Description = "Causal mask, last query aligned with the last key" };
        var lowering = new Option<string>("--lowering") { Description = "unfused, two-pass, fused or all", DefaultValueFactory = _ => "all" };
        var archKind = new Option<string>("--arch") { Description = "Tile kind: systolic, cube, addertree or matrix2d", DefaultValueFactory = _ => SystolicSpec.KindName };
        var array = new Option<string?>("--array") { Description = "Tile shape: ROWSxCOLS (systolic OS, matrix2d), LANESxWIDTH (addertree), MxKxN (cube); default 1024 MACs" };
        var sramKb = new Option<string>("--sram-kb") { Description = "Scratchpads IFMAP,FILTER,OFMAP in KB (attention's buffer is their sum)", DefaultValueFactory = _ => "64,64,64" };
        var dramBw = new Option<double?>("--dram-bw") { Description = "DRAM bandwidth in bytes/cycle (omit: unlimited)" };
        var wordBytes = new Option<int>("--word-bytes") { Description = "Word width in bytes (1, 2 = fp16, 4)", DefaultValueFactory = _ => 2 };
        var lanes = new Option<int>("--vector-lanes") { Description = "Vector-unit lanes", DefaultValueFactory = _ => VectorUnitSpec.Default.Lanes };
        var fusedBlock = new Option<string>("--fused-block") { Description = "Fused block choice: auto (the lowest energy-delay-product block that fits) or fa1 (FlashAttention-1's rule)", DefaultValueFactory = _ => "auto" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };

        var command = new Command("attention", "Simulate softmax(Q·Kᵀ/√d)·V on one tile plus a vector unit")
        {
            batch, heads, kvHeads, seqQ, seqKv, headDim, causal, lowering, archKind, array, sramKb, dramBw, wordBytes, lanes, fusedBlock, json,
        };
        command.SetAction(parse =>
        {
            var headCount = parse.GetValue(heads);
            var attention = new AttentionOp("cli", parse.GetValue(batch), headCount, parse.GetValue(kvHeads) ?? headCount,
                parse.GetValue(seqQ), parse.GetValue(seqKv), parse.GetValue(headDim), parse.GetValue(causal));
            if (attention.Problem() is { } problem)
                throw new SimInputException("--" + problem.Replace('_', '-'));
            var lowerings = Lowerings(parse.GetValue(lowering)!);
            var arch = Arch(parse.GetValue(archKind)!, parse.GetValue(array), parse.GetValue(sramKb)!, parse.GetValue(dramBw),
                parse.GetValue(wordBytes), parse.GetValue(lanes));
            var blockText = parse.GetValue(fusedBlock);
            if (!FusedBlockPolicyNames.TryParse(blockText, out var blockPolicy))
                throw new SimInputException($"--fused-block: '{blockText}' is not a block policy. Fix: use auto or fa1");
            var results = lowerings.Select(l => AttentionModel.Evaluate(attention, arch, l, SimMode.Default, blockPolicy)).ToList();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(AttentionResultJson.Format(attention, arch, results));
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(FormattableString.Invariant(
                $"attention: batch {attention.Batch}, heads {attention.Heads}/{attention.KvHeads} kv, seq {attention.SeqQ}x{attention.SeqKv}, d {attention.HeadDim}{(attention.Causal ? ", causal" : "")} on {TileGrid.Of(arch.Tile).Label} + {arch.Vector.Lanes}-lane vector unit, {arch.OnChipBufferBytes} B on chip"));
            Terminal.Render(context, Summary(results));
            if (results.Count == 1 && results[0].Feasible)
                Terminal.Render(context, PassTable(results[0]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static AttentionLowering[] Lowerings(string text) =>
        text == "all" ? AttentionLoweringNames.All
        : AttentionLoweringNames.TryParse(text, out var one) ? [one]
        : throw new SimInputException($"--lowering: '{text}' is not a lowering. Fix: use unfused, two-pass, fused or all");

    private static ArchSpec Arch(string kind, string? array, string sramKb, double? dramBw, int word, int lanes)
    {
        var tile = TileShapes.Parse(kind, array ?? TileShapes.DefaultShape(kind), Dataflow.Os);
        if (word is not (1 or 2 or 4))
            throw new SimInputException($"--word-bytes: {word} is not supported. Fix: use 1, 2 or 4");
        if (lanes < 1 || lanes > VectorYaml.MaxLanes)
            throw new SimInputException($"--vector-lanes: {lanes} is out of range. Fix: use 1 to {VectorYaml.MaxLanes}, e.g. 128");
        var dram = dramBw is { } bw ? new DramSpec(OptionParsers.PositiveReal(bw, "--dram-bw"), 0) : DramSpec.Unlimited;
        var arch = new ArchSpec("cli", tile, OptionParsers.SramKb(sramKb), dram, 1.0, word)
        {
            Vector = VectorUnitSpec.Default with { Lanes = lanes },
        };
        if (TileFeasibility.Problem(arch) is { } problem)
            throw new SimInputException($"--array/--sram-kb: {problem}. Fix: raise --sram-kb or use a smaller tile");
        return arch;
    }

    private static Table Summary(IReadOnlyList<AttentionResult> results)
    {
        var table = new Table().AddColumn("metric");
        foreach (var r in results)
            table.AddColumn(new TableColumn(r.Lowering.ToName()).RightAligned());
        void Row(string name, Func<AttentionResult, string> value) =>
            table.AddRow([name, .. results.Select(r => Markup.Escape(r.Feasible || name == "status" ? value(r) : "-"))]);
        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        Row("status", r => r.Feasible ? "ok" : "infeasible: " + r.Reason);
        Row("total cycles", r => N(r.TotalCycles));
        Row("tensor / vector / memory cycles", r => $"{N(r.TensorCycles)} / {N(r.VectorCycles)} / {N(r.MemoryCycles)}");
        Row("DRAM bytes", r => N(r.DramBytes));
        Row("passes", r => string.Join(",", r.Passes.Select(p => p.Name)));
        Row("block Br x Bc", r => r.Block is { } b ? FormattableString.Invariant($"{b.Rows} x {b.Cols}{(r.KvResident ? ", K/V resident" : "")}") : "-");
        Row("buffer need / capacity (bytes)", r => $"{N(r.BufferNeedBytes)} / {N(r.BufferCapacityBytes)}");
        Row("tensor / vector utilization", r => FormattableString.Invariant($"{r.TensorUtilization:P1} / {r.VectorUtilization:P1}"));
        Row("energy (µJ)", r => (r.Energy.TotalPj / 1e6).ToString("N2", CultureInfo.InvariantCulture));
        Row("energy MAC / SRAM / DRAM / vector (µJ)", r => FormattableString.Invariant(
            $"{(r.Energy.MacPj + r.Energy.AccumulatorPj) / 1e6:N2} / {r.Energy.SramPj / 1e6:N2} / {r.Energy.DramPj / 1e6:N2} / {r.Energy.VectorPj / 1e6:N2}"));
        return table;
    }

    private static Table PassTable(AttentionResult r)
    {
        var table = new Table().AddColumn("pass");
        foreach (var name in new[] { "tensor cycles", "vector cycles", "memory cycles", "cycles", "DRAM read B", "DRAM write B" })
            table.AddColumn(new TableColumn(name).RightAligned());
        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        foreach (var p in r.Passes)
            table.AddRow(p.Name, N(p.TensorCycles), N(p.VectorCycles), N(p.MemoryCycles), N(p.Cycles), N(p.DramReadBytes), N(p.DramWriteBytes));
        return table;
    }
}
