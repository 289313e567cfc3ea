using System.CommandLine;
using System.Globalization;
using Sim.Arch;
using Sim.Arch.Energy;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Mapping;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary><c>sim op gemm</c>: one GEMM on one tile of any kind, as a table or one JSON object.</summary>
public static class OpCommand
{
    public static Command Create(CliContext context)
    {
        var m = new Option<long>("--m") { Description = "GEMM M: ofmap rows (conv: output pixels)", Required = true };
        var n = new Option<long>("--n") { Description = "GEMM N: ofmap columns (conv: filters)", Required = true };
        var k = new Option<long>("--k") { Description = "GEMM K: reduction length (conv: window size)", Required = true };
        var archKind = new Option<string>("--arch") { Description = "Tile kind: systolic, cube, addertree or matrix2d", DefaultValueFactory = _ => SystolicSpec.KindName };
        var array = new Option<string?>("--array") { Description = "Tile shape: ROWSxCOLS (systolic, matrix2d), LANESxWIDTH (addertree), MxKxN (cube); default: 1024 MACs (32x32, 64x16, 8x16x8)" };
        var dataflow = new Option<string?>("--dataflow") { Description = "Systolic only: os (default), ws, is, or best (the fastest of the three)" };
        var peVariant = new Option<string>("--pe-variant") { Description = "mac, bitweight (HPCA'25 factors) or ent (ICCD'24 factors)", DefaultValueFactory = _ => "mac" };
        var sramKb = new Option<string>("--sram-kb") { Description = "Scratchpads IFMAP,FILTER,OFMAP in KB", DefaultValueFactory = _ => "64,64,64" };
        var dramBw = new Option<double?>("--dram-bw") { Description = "DRAM bandwidth in bytes/cycle (omit: unlimited, SCALE-Sim's CALC)" };
        var dramLatency = new Option<long>("--dram-latency") { Description = "DRAM latency in cycles", DefaultValueFactory = _ => 0 };
        var wordBytes = new Option<int>("--word-bytes") { Description = "Operand width in bytes (1 int8, 2 fp16, 4 fp32)", DefaultValueFactory = _ => 1 };
        var mode = new Option<string>("--mode") { Description = "default or scalesim (SCALE-Sim v2 conventions)", DefaultValueFactory = _ => "default" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };

        var gemm = new Command("gemm", "Simulate Z[M,N] = A[M,K]·B[K,N] on one tile") { m, n, k, archKind, array, dataflow, peVariant, sramKb, dramBw, dramLatency, wordBytes, mode, json };
        gemm.SetAction(parse =>
        {
            var shape = new GemmShape(
                OptionParsers.Positive(parse.GetValue(m), "--m"),
                OptionParsers.Positive(parse.GetValue(n), "--n"),
                OptionParsers.Positive(parse.GetValue(k), "--k"));
            var kind = parse.GetValue(archKind)!;
            var dataflowText = parse.GetValue(dataflow);
            if (dataflowText is not null && kind != SystolicSpec.KindName)
                throw new Core.Config.SimInputException($"--dataflow: a {kind} tile has a fixed dataflow. Fix: drop --dataflow (it applies to --arch systolic)");
            dataflowText ??= "os";
            var chooseBest = dataflowText == "best";
            var tile = TileShapes.Parse(kind, parse.GetValue(array) ?? TileShapes.DefaultShape(kind), chooseBest ? Dataflow.Os : OptionParsers.Dataflow(dataflowText));
            var variantText = parse.GetValue(peVariant)!;
            if (!PeVariantNames.TryParse(variantText, out var variant))
                throw new Core.Config.SimInputException($"--pe-variant: '{variantText}' is not a PE variant. Fix: use mac, bitweight or ent");
            var word = parse.GetValue(wordBytes);
            if (word is not (1 or 2 or 4))
                throw new Core.Config.SimInputException($"--word-bytes: {word} is not supported. Fix: use 1, 2 or 4");
            var latency = OptionParsers.NonNegative(parse.GetValue(dramLatency), "--dram-latency");
            if (parse.GetValue(dramBw) is null && latency > 0)
                throw new Core.Config.SimInputException("--dram-latency: a latency needs a finite --dram-bw (without it DRAM is SCALE-Sim's CALC: no stalls). Fix: add --dram-bw B");
            var dram = parse.GetValue(dramBw) is { } bw ? new DramSpec(OptionParsers.PositiveReal(bw, "--dram-bw"), latency) : DramSpec.Unlimited;
            var arch = new ArchSpec("cli", tile, OptionParsers.SramKb(parse.GetValue(sramKb)!), dram, 1.0, word)
            {
                Costs = CostSpec.Defaults with { Variant = variant },
            };
            var simMode = OptionParsers.Mode(parse.GetValue(mode)!);
            if (chooseBest)
                arch = arch with { Tile = (SystolicSpec)tile with { Dataflow = DataflowMapper.Choose("gemm", shape, arch, simMode).Dataflow } };
            if (TileFeasibility.Problem(arch) is { } problem)
                throw new Core.Config.SimInputException($"--array/--sram-kb: {problem}. Fix: raise --sram-kb or use a smaller tile");
            var costs = CostResolver.Resolve(arch);
            var result = TileEvaluator.Evaluate("gemm", shape, arch, simMode, costs);
            var area = AreaModel.Of(arch, costs);

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(OpResultJson.Format(result, shape, arch, simMode, area));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
            void Row(string name, object value) => table.AddRow(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
            Row("GEMM", $"M={shape.M} N={shape.N} K={shape.K} on {arch.Tile}, {variant.ToName()} PEs ({simMode})");
            Row("compute cycles", result.ComputeCycles);
            Row("stall cycles", result.StallCycles);
            Row("total cycles", result.TotalCycles);
            Row("utilization", result.Utilization.ToString("P2", CultureInfo.InvariantCulture));
            Row("mapping efficiency", result.MappingEfficiency.ToString("P2", CultureInfo.InvariantCulture));
            Row("SRAM reads ifmap / filter (words)", $"{result.SramReadsIfmapWords} / {result.SramReadsFilterWords}");
            Row("SRAM writes ofmap (words)", result.SramWritesOfmapWords);
            Row("DRAM reads ifmap / filter (bytes)", $"{result.DramReadsIfmapBytes} / {result.DramReadsFilterBytes}");
            Row("DRAM writes / reads ofmap (bytes)", $"{result.DramWritesOfmapBytes} / {result.DramReadsOfmapBytes}");
            Row("accumulator accesses (bytes)", result.AccumulatorAccessBytes);
            var e = result.Energy!;
            Row("energy (pJ): MAC / accumulator / SRAM / DRAM", FormattableString.Invariant($"{e.MacPj:F1} / {e.AccumulatorPj:F1} / {e.SramPj:F1} / {e.DramPj:F1}"));
            Row("energy (pJ)", e.TotalPj.ToString("F1", CultureInfo.InvariantCulture));
            Row("TOPS/W (2·MACs / energy)", (2.0 * result.Macs / e.TotalPj).ToString("F3", CultureInfo.InvariantCulture));
            Row("area (mm²): MACs / scratchpads", FormattableString.Invariant($"{area.MacMm2:F4} / {area.TotalMm2 - area.MacMm2:F4}"));
            Terminal.Render(context, table);
            return ExitCodes.Ok;
        });

        return new Command("op", "Simulate a single operator") { gemm, AttentionOpCommand.Create(context), SpGemmOpCommand.Create(context), DecodeOpCommand.Create(context), PrefillOpCommand.Create(context) };
    }
}
