using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sim.Arch.Sparse;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Sparse;
using Sim.Explorer.Import;
using Sim.Explorer.Results;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary><c>sim op spgemm</c>: C = A·B over Matrix Market operands on one sparse tile, as a table or one JSON object.</summary>
public static class SpGemmOpCommand
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var d = SparseTileSpec.Gamma;
        var aFile = new Option<string>("--a") { Description = "A operand: a Matrix Market .mtx file", Required = true };
        var bFile = new Option<string?>("--b") { Description = "B operand (.mtx); omitted: B = A (C = A·A, as the SpGEMM papers evaluate)" };
        var dataflow = new Option<string>("--dataflow") { Description = "inner, outer or rowwise (Gustavson)", Required = true };
        var merge = new Option<string?>("--merge") { Description = "rowwise only: hash (SMASH, default), dense (SPA) or merger (Gamma radix-R merge tree)" };
        var pes = new Option<int>("--pes") { Description = "Processing elements", DefaultValueFactory = _ => d.Pes };
        var multipliers = new Option<int>("--multipliers") { Description = "Multipliers per PE", DefaultValueFactory = _ => d.MultipliersPerPe };
        var mergeOps = new Option<int>("--merge-ops") { Description = "Merge/accumulate/compare operations per cycle per PE", DefaultValueFactory = _ => d.MergeOpsPerPe };
        var radix = new Option<int>("--radix") { Description = "Merger radix", DefaultValueFactory = _ => d.MergerRadix };
        var entries = new Option<long>("--accumulator-entries") { Description = "Per-PE hash table / dense SPA entries", DefaultValueFactory = _ => d.AccumulatorEntries };
        var cacheKb = new Option<long>("--cache-kb") { Description = "On-chip buffer for B rows / B column blocks / partials, KB", DefaultValueFactory = _ => d.CacheBytes / 1024 };
        var dramBw = new Option<double>("--dram-bw") { Description = "DRAM bandwidth in bytes/cycle", DefaultValueFactory = _ => d.DramBytesPerCycle };
        var loadFactor = new Option<double>("--load-factor") { Description = "rowwise hash: fraction of the table a row may fill before it spills, in (0, 1]", DefaultValueFactory = _ => d.LoadFactor };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };

        var command = new Command("spgemm", "Simulate sparse C = A·B (Matrix Market operands) on a sparse tile (defaults: Gamma, ASPLOS'21)")
        {
            aFile, bFile, dataflow, merge, pes, multipliers, mergeOps, radix, entries, cacheKb, dramBw, loadFactor, json,
        };
        command.SetAction(parse =>
        {
            var dataflowText = parse.GetValue(dataflow)!;
            if (!SpGemmNames.TryParseDataflow(dataflowText, out var chosen))
                throw new SimInputException($"--dataflow: '{dataflowText}' is not an SpGEMM dataflow. Fix: use inner, outer or rowwise");
            var mergeText = parse.GetValue(merge);
            if (mergeText is not null && chosen != SpGemmDataflow.RowWise)
                throw new SimInputException($"--merge: only the rowwise dataflow has a merge choice. Fix: drop --merge or use --dataflow rowwise");
            var mergeChoice = SpGemmMerge.Hash;
            if (mergeText is not null && !SpGemmNames.TryParseMerge(mergeText, out mergeChoice))
                throw new SimInputException($"--merge: '{mergeText}' is not a merge structure. Fix: use hash, dense or merger");
            var load = parse.GetValue(loadFactor);
            var tile = new SparseTileSpec(
                Pes: (int)Bounded(parse.GetValue(pes), "--pes", 1, SparseTileYaml.MaxPes),
                MultipliersPerPe: (int)Bounded(parse.GetValue(multipliers), "--multipliers", 1, SparseTileYaml.MaxPerPeOps),
                MergeOpsPerPe: (int)Bounded(parse.GetValue(mergeOps), "--merge-ops", 1, SparseTileYaml.MaxPerPeOps),
                MergerRadix: (int)Bounded(parse.GetValue(radix), "--radix", 2, SparseTileYaml.MaxRadix),
                AccumulatorEntries: Bounded(parse.GetValue(entries), "--accumulator-entries", 1, SparseTileYaml.MaxAccumulatorEntries),
                CacheBytes: Bounded(parse.GetValue(cacheKb), "--cache-kb", 0, SparseTileYaml.MaxCacheKb) * 1024,
                DramBytesPerCycle: OptionParsers.PositiveReal(parse.GetValue(dramBw), "--dram-bw"),
                LoadFactor: load > 0 && load <= 1 ? load : throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--load-factor: {load} is not in (0, 1]. Fix: e.g. --load-factor 0.75")));

            var aPath = parse.GetValue(aFile)!;
            var bPath = parse.GetValue(bFile);
            var a = MatrixMarketReader.Load(aPath);
            var b = bPath is null ? a : MatrixMarketReader.Load(bPath);
            if (a.Cols != b.Rows)
                throw new SimInputException($"--b: {aPath} is {a.Rows}×{a.Cols} but {bPath} is {b.Rows}×{b.Cols}. Fix: B needs as many rows as A has columns");
            var aName = Path.GetFileNameWithoutExtension(aPath);
            var bName = bPath is null ? aName : Path.GetFileNameWithoutExtension(bPath);
            var gemm = new SpGemm(bPath is null ? aName : $"{aName}x{bName}", a, aName, b, bName);
            var result = SpGemmModel.Evaluate(gemm, tile, chosen, mergeChoice); // overflow → exit 2 via SimCli
            var row = SpGemmRow.From(gemm.Name, aName, bName, result, tile);

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(row, s_json));
                return ExitCodes.Ok;
            }

            Terminal.Render(context, Table(row, tile));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The YAML reader's range for the same field (<see cref="SparseTileYaml"/>), so no flag can overflow a count.</summary>
    private static long Bounded(long value, string flag, long min, long max) =>
        value >= min && value <= max
            ? value
            : throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"{flag}: {value} is outside {min}..{max}. Fix: pass an integer in that range"));

    private static Table Table(SpGemmRow r, SparseTileSpec tile)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, FormattableString value) => table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString(CultureInfo.InvariantCulture)));
        Row("SpGEMM", $"{r.Matrix}: {r.M}×{r.K} · {r.K}×{r.N}, {r.Label} on {tile}");
        Row("status", $"{r.Status}{(r.Reason.Length > 0 ? ": " + r.Reason : "")}");
        Row("nnz A / B / C", $"{r.NnzA} / {r.NnzB} / {r.NnzC}");
        Row("multiplies F (F/nnz(C))", $"{r.Multiplies} ({r.CompressionFactor:F2})");
        Row("partial products / partial matrices", $"{r.PartialProducts} / {r.PartialMatrices}");
        Row("merge adds / merge steps / accumulator ops", $"{r.MergeAdds} / {r.MergeSteps} / {r.AccumulatorOps}");
        Row("intersections / coordinate reads", $"{r.Intersections} / {r.CoordinateReads}");
        Row("max r_i / max partials per row / max nnz(C row)", $"{r.MaxRowNnzA} / {r.MaxRowPartials} / {r.MaxRowNnzC}");
        Row("accumulator entries max / mean, spilled rows", $"{r.AccumulatorMaxEntries} / {r.AccumulatorMeanEntries:F1}, {r.SpilledRows}");
        Row("merger fibers in flight max / mean", $"{r.MergerMaxFibers} / {r.MergerMeanFibers:F1}");
        Row("B row fetches / B column blocks", $"{r.BRowFetches} / {r.BColumnBlocks}");
        Row("DRAM bytes A / B / partials / C", $"{r.DramReadABytes} / {r.DramReadBBytes} / {r.DramPartialBytes} / {r.DramWriteCBytes}");
        Row("DRAM bytes", $"{r.DramBytes}");
        Row("SRAM bytes A / B / partials / C", $"{r.SramReadABytes} / {r.SramReadBBytes} / {r.SramPartialBytes} / {r.SramWriteCBytes}");
        Row("cycles multiply / merge / compute / DRAM", $"{r.MultiplyCycles} / {r.MergeCycles} / {r.ComputeCycles} / {r.DramCycles}");
        if (r.Dataflow == "outer")
            Row("DRAM cycles multiply phase / merge phase", $"{r.MultiplyPhaseDramCycles} / {r.MergePhaseDramCycles}");
        Row("cycles", $"{r.Cycles}");
        Row("time (µs)", $"{r.TimeUs:F2}");
        return table;
    }
}
