using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sim.Arch.NpuPim;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;
using Sim.Explorer.NpuPimSweeps;
using Sim.Explorer.Results;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim op decode</c>: one decode step of a batch through one decoder layer of an LLM preset on an NPU+PIM device
/// (default NeuPIMs'), in each asked mode: the per-mode metrics, the speedups and (with <c>--timeline</c>) the
/// steady-state layer's NPU/PIM busy intervals. Same model and rows as the <c>neupims:</c> sweep.
/// </summary>
public static class DecodeOpCommand
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = $"LLM preset: {string.Join(", ", LlmPresets.All.Select(m => m.Name))}", DefaultValueFactory = _ => "gpt3-7b" };
        var batch = new Option<int>("--batch") { Description = "Requests decoding together", Required = true };
        var kv = new Option<string>("--kv") { Description = "KV length of every request in tokens, or 'sharegpt' (seeded ShareGPT-like lengths)", Required = true };
        var seed = new Option<long>("--seed") { Description = "Seed for --kv sharegpt", DefaultValueFactory = _ => 1 };
        var mode = new Option<string>("--mode") { Description = "npu-only, blocked, neupims or all", DefaultValueFactory = _ => "all" };
        var pim = new Option<string>("--pim") { Description = $"PIM preset: {PimYaml.PresetNames}; its DRAM is the whole device's, so it also sets the NPU's bandwidth (the NPU-only baseline changes with it)", DefaultValueFactory = _ => "neupims" };
        var pimCost = new Option<string>("--pim-cost") { Description = "model (our PIM timing) or neupims-estimate (NeuPIMs' 100/184-cycle constants)", DefaultValueFactory = _ => "model" };
        var subBatching = new Option<string>("--sub-batching") { Description = "neupims mode: when-it-helps or always", DefaultValueFactory = _ => "when-it-helps" };
        var capacity = new Option<double>("--capacity-gib") { Description = "Device memory for weights + KV cache, GiB", DefaultValueFactory = _ => NpuPimSystem.NeuPimsCapacityBytes / (double)(1L << 30) };
        var timeline = new Option<bool>("--timeline") { Description = "Also print each mode's steady-state layer timeline" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (points and timeline)" };
        var command = new Command("decode", "Batched LLM decode of one layer on an NPU+PIM device: NPU-only vs blocked NPU+PIM vs NeuPIMs")
        {
            model, batch, kv, seed, mode, pim, pimCost, subBatching, capacity, timeline, json,
        };
        command.SetAction(parse =>
        {
            var spec = Spec(parse.GetValue(model)!, parse.GetValue(batch), parse.GetValue(kv)!, parse.GetValue(seed), parse.GetValue(mode)!,
                parse.GetValue(pim)!, parse.GetValue(pimCost)!, parse.GetValue(subBatching)!, parse.GetValue(capacity));
            var (points, segments) = NeuPimsSweepRunner.Run(spec);
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new { points, timeline = segments }, s_json));
                return ExitCodes.Ok;
            }

            Terminal.Render(context, Details(points));
            if (parse.GetValue(timeline))
            {
                foreach (var point in points)
                    Terminal.Render(context, Timeline(point.PointId, segments.Where(s => s.PointId == point.PointId)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static NeuPimsSweepSpec Spec(string modelName, int batch, string kvText, long seed, string modeText, string pimName, string costText, string subText, double capacityGib)
    {
        var model = LlmPresets.Find(modelName)
            ?? throw new SimInputException($"--model: unknown model '{modelName}'. Fix: use one of {string.Join(", ", LlmPresets.All.Select(m => m.Name))}");
        if (batch is < 1 or > 1 << 16)
            throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--batch: {batch} is outside 1..65536. Fix: e.g. --batch 256"));
        var kv = kvText == KvSetting.ShareGpt
            ? KvSetting.ShareGptLike
            : int.TryParse(kvText, NumberStyles.None, CultureInfo.InvariantCulture, out var tokens) && tokens is >= 1 and <= 1 << 20
                ? KvSetting.Uniform(tokens)
                : throw new SimInputException($"--kv: '{kvText}' is not a KV length. Fix: a whole number of tokens from 1 to 1048576, or sharegpt");
        if (seed < 0)
            throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--seed: {seed} is negative. Fix: a seed ≥ 0"));
        IReadOnlyList<NpuPimMode> modes = modeText == "all"
            ? NpuPimModeNames.All
            : NpuPimModeNames.TryParse(modeText, out var one) ? [one] : throw new SimInputException($"--mode: unknown mode '{modeText}'. Fix: use npu-only, blocked, neupims or all");
        var pair = PimPresets.Find(pimName) ?? throw new SimInputException($"--pim: unknown PIM preset '{pimName}'. Fix: use one of {PimYaml.PresetNames}");
        if (!PimCostSources.TryParse(costText, out var cost))
            throw new SimInputException($"--pim-cost: unknown PIM cost '{costText}'. Fix: use model or neupims-estimate");
        if (!NpuPimModeNames.TryParseSubBatching(subText, out var sub))
            throw new SimInputException($"--sub-batching: unknown policy '{subText}'. Fix: use when-it-helps or always");
        if (!(capacityGib > 0) || capacityGib > NeuPimsSweepSpec.MaxCapacityGib)
            throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--capacity-gib: {capacityGib} is not a capacity. Fix: a positive number of GiB up to {NeuPimsSweepSpec.MaxCapacityGib}, e.g. 32"));
        var system = NpuPimSystem.Create(NpuSpec.NeuPims, pair.Pim, pair.Dram, (long)(capacityGib * (1L << 30)));
        return new NeuPimsSweepSpec("decode", "", [model], system, [batch], [kv], (ulong)seed, modes, sub, cost);
    }

    private static Table Details(List<NeuPimsPointRow> points)
    {
        var table = new Table().AddColumn("metric");
        foreach (var p in points)
            table.AddColumn(new TableColumn(p.Mode).RightAligned());
        void Row(string name, Func<NeuPimsPointRow, FormattableString> value) =>
            table.AddRow([Markup.Escape(name), .. points.Select(p => Markup.Escape(value(p).ToString(CultureInfo.InvariantCulture)))]);
        var first = points[0];
        table.Title = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{first.Model} (tp {first.TensorParallel}, pp {first.PipelineStages}, {first.LayersPerDevice} layers per device): batch {first.Batch}, KV {first.Kv} (mean {first.KvMeanTokens:F1}, max {first.KvMaxTokens})")));
        Row("status", p => $"{p.Status}{(p.Reason.Length > 0 ? ": " + p.Reason : "")}");
        Row("sub-batched", p => $"{(p.SubBatched ? "yes" : "no")}");
        Row("QKV / MHA / proj+FFN cycles (whole batch)", p => $"{p.QkvCycles} / {p.MhaCycles} / {p.ProjFfnCycles}");
        Row("layer cycles (steady state)", p => $"{p.LayerCycles}");
        Row("device cycles per decode step", p => $"{p.ModelCycles}");
        Row("NPU / PIM utilisation", p => $"{p.NpuUtilization:P1} / {p.PimUtilization:P1}");
        Row("PIM channel load max / mean (cycles)", p => $"{p.PimMaxChannelCycles} / {p.PimMeanChannelCycles:F0}");
        Row("bus bytes NPU / PIM", p => $"{p.NpuBusBytes} / {p.PimBusBytes}");
        Row("NPU DRAM bandwidth (B/cycle, sustained)", p => $"{p.NpuDramBytesPerCycle:F1}");
        Row("weights + KV / capacity (GiB)", p => $"{(p.WeightBytes + p.KvBytes) / (double)(1L << 30):F2} / {p.CapacityBytes / (double)(1L << 30):F2}");
        Row("tokens/s (model instance)", p => $"{p.TokensPerSecond:F0}");
        Row("energy per token (µJ, dynamic)", p => $"{p.EnergyPerTokenUj:F1}");
        Row("layer energy NPU MAC / NPU DRAM / PIM bank / PIM ALU / PIM bus (µJ)",
            p => $"{p.EnergyNpuMacPj / 1e6:F1} / {p.EnergyNpuDramPj / 1e6:F1} / {p.EnergyPimBankPj / 1e6:F1} / {p.EnergyPimAluPj / 1e6:F1} / {p.EnergyPimBusPj / 1e6:F1}");
        Row("energy saving vs npu-only", p => $"{(p.EnergySavingVsNpuOnly > 0 ? p.EnergySavingVsNpuOnly.ToString("F2", CultureInfo.InvariantCulture) : "-")}");
        Row("speedup vs npu-only / blocked", p => $"{(p.SpeedupVsNpuOnly > 0 ? p.SpeedupVsNpuOnly.ToString("F2", CultureInfo.InvariantCulture) : "-")} / {(p.SpeedupVsBlocked > 0 ? p.SpeedupVsBlocked.ToString("F2", CultureInfo.InvariantCulture) : "-")}");
        return table;
    }

    private static Table Timeline(string pointId, IEnumerable<TimelineRow> segments)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(pointId)) }.AddColumn("resource").AddColumn(new TableColumn("sub-batch").RightAligned())
            .AddColumn("op").AddColumn(new TableColumn("start").RightAligned()).AddColumn(new TableColumn("end").RightAligned());
        foreach (var s in segments.OrderBy(s => s.StartCycle).ThenBy(s => s.Resource, StringComparer.Ordinal))
        {
            table.AddRow(s.Resource, s.SubBatch.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Label),
                s.StartCycle.ToString(CultureInfo.InvariantCulture), s.EndCycle.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }
}
