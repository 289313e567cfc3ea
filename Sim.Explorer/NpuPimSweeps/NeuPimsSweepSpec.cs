using System.Globalization;
using Sim.Arch.NpuPim;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.NpuPimSweeps;

/// <summary>
/// An NPU+PIM batched-decode sweep on one device: models × KV settings × batch sizes × modes. YAML:
/// <code>
/// neupims:
///   name: neupims
///   description: "..."
///   model: [gpt3-7b, gpt3-13b]     # one or a list of: gpt3-7b | gpt3-13b | gpt3-30b | gpt3-175b | llama-7b
///   npu: {arrays: 8}               # optional overrides of NeuPIMs' NPU
///   pim: {preset: neupims}         # optional, PIM preset + overrides (see README "PIM")
///   capacity_gib: 32               # device memory for weights + KV cache, GiB (NeuPIMs: 32)
///   batches: [32, 64, 128, 256, 512]
///   kv: [sharegpt, 1024]           # per point: ShareGPT-like sampled lengths, or every request at N tokens
///   seed: 1                        # for sharegpt sampling
///   modes: [npu-only, blocked, neupims]   # optional, default all three
///   sub_batching: when-it-helps    # or always (NeuPIMs mode)
///   pim_cost: model                # or neupims-estimate (NeuPIMs' scheduler constants 100/184)
/// </code>
/// </summary>
public sealed record NeuPimsSweepSpec(
    string Name,
    string Description,
    IReadOnlyList<LlmModelSpec> Models,
    NpuPimSystem System,
    IReadOnlyList<int> Batches,
    IReadOnlyList<KvSetting> KvSettings,
    ulong Seed,
    IReadOnlyList<NpuPimMode> Modes,
    SubBatching SubBatching,
    PimCostSource PimCost)
{
    public const string Key = "neupims";

    /// <summary>1 PiB: far above any device; larger values are typos (and overflow byte counts).</summary>
    public const double MaxCapacityGib = 1 << 20;

    public int PointCount => Models.Count * Batches.Count * KvSettings.Count * Modes.Count;

    public static NeuPimsSweepSpec Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Parse(file.DisplayPath, file.Text).AllowOnly(Key);
        var spec = root.RequireMap(Key).AllowOnly("name", "description", "model", "npu", "pim", "capacity_gib", "batches", "kv", "seed", "modes", "sub_batching", "pim_cost");
        var name = spec.RequireString("name");
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(' ', StringComparison.Ordinal))
            throw spec.ErrorAt("name", $"'{name}' cannot be used as a folder name", "use letters, digits, '-' and '_'");
        var models = spec.RequireScalarList("model").Select((m, i) => LlmPresets.Find(m.Text)
            ?? throw SimInputException.At(file.DisplayPath, m.Line, m.Column, $"{Key}.model", $"unknown model '{m.Text}'",
                $"use one of {string.Join(", ", LlmPresets.All.Select(p => p.Name))}")).ToList();
        if (models.Distinct().Count() != models.Count)
            throw spec.ErrorAt("model", "a model is listed twice", "list each model once");
        var npu = spec.Has("npu") ? NpuYaml.Read(spec.RequireMap("npu")) : NpuSpec.NeuPims;
        var (pim, dram) = spec.Has("pim") ? PimYaml.Read(spec.RequireMap("pim")) : (PimPresets.NeuPims, DramPresets.NeuPimsHbm2);
        var capacityGib = spec.OptionalDouble("capacity_gib", NpuPimSystem.NeuPimsCapacityBytes / (double)(1L << 30), 0);
        if (capacityGib > MaxCapacityGib)
            throw spec.ErrorAt("capacity_gib", string.Create(CultureInfo.InvariantCulture, $"{capacityGib} GiB is beyond any device"), $"give at most {MaxCapacityGib} GiB (NeuPIMs: 32)");
        var system = NpuPimSystem.Create(npu, pim, dram, (long)(capacityGib * (1L << 30)));

        var batches = spec.RequireScalarList("batches").Select((b, i) => Whole(file, b, $"{Key}.batches[{i}]", 1, 1 << 16, "a batch size from 1 to 65536, e.g. 256")).ToList();
        if (batches.Distinct().Count() != batches.Count)
            throw spec.ErrorAt("batches", "a batch size is listed twice", "list each batch size once");
        var kv = spec.RequireScalarList("kv").Select((k, i) => k.Text == KvSetting.ShareGpt
            ? KvSetting.ShareGptLike
            : KvSetting.Uniform(Whole(file, k, $"{Key}.kv[{i}]", 1, 1 << 20, "'sharegpt' or a KV length in tokens from 1 to 1048576, e.g. 1024"))).ToList();
        if (kv.Select(k => k.Label).Distinct().Count() != kv.Count)
            throw spec.ErrorAt("kv", "a KV setting is listed twice", "list each setting once");
        var modes = spec.Has("modes")
            ? spec.RequireScalarList("modes").Select((m, i) => NpuPimModeNames.TryParse(m.Text, out var mode)
                ? mode
                : throw SimInputException.At(file.DisplayPath, m.Line, m.Column, $"{Key}.modes[{i}]", $"unknown mode '{m.Text}'", "use npu-only, blocked or neupims")).ToList()
            : [.. NpuPimModeNames.All];
        if (modes.Distinct().Count() != modes.Count)
            throw spec.ErrorAt("modes", "a mode is listed twice", "list each mode once");
        var subText = spec.OptionalString("sub_batching") ?? "when-it-helps";
        if (!NpuPimModeNames.TryParseSubBatching(subText, out var subBatching))
            throw spec.ErrorAt("sub_batching", $"unknown policy '{subText}'", "use when-it-helps (interleave only when faster than blocked) or always");
        var costText = spec.OptionalString("pim_cost") ?? "model";
        if (!PimCostSources.TryParse(costText, out var pimCost))
            throw spec.ErrorAt("pim_cost", $"unknown PIM cost '{costText}'", "use model (our PIM timing model) or neupims-estimate (NeuPIMs' scheduler constants)");
        var seed = (ulong)spec.OptionalLong("seed", 1, 0);
        return new NeuPimsSweepSpec(name, spec.OptionalString("description") ?? "", models, system, batches, kv, seed, modes, subBatching, pimCost);
    }

    private static int Whole(InputFile file, (string Text, long Line, long Column) item, string field, int min, int max, string fix) =>
        int.TryParse(item.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw SimInputException.At(file.DisplayPath, item.Line, item.Column, field, $"'{item.Text}' is not valid here", $"write {fix}");
}
