using System.CommandLine;
using System.Globalization;
using Sim.Arch.Attention;
using Sim.Arch.NpuPim;
using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim op prefill</c>: the prompt phase of an LLM preset on the NPU of an NPU+PIM device (NeuPIMs runs prefill on the
/// NPU alone): one layer's GEMMs, vector ops and causal attention under a lowering, the whole model's time per device,
/// and the KV cache the prompts leave behind for decode.
/// </summary>
public static class PrefillOpCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = $"LLM preset: {string.Join(", ", LlmPresets.All.Select(m => m.Name))}", DefaultValueFactory = _ => "gpt3-7b" };
        var tokens = new Option<int>("--prompt-tokens") { Description = "Tokens per prompt", Required = true };
        var requests = new Option<int>("--requests") { Description = "Prompts prefilled together", DefaultValueFactory = _ => 1 };
        var lowering = new Option<string>("--lowering") { Description = "Attention lowering: unfused (NeuPIMs), two-pass or fused", DefaultValueFactory = _ => "unfused" };
        var command = new Command("prefill", "LLM prefill of one or more prompts on the NPU of an NPU+PIM device (NeuPIMs' NPU and HBM2)")
        {
            model, tokens, requests, lowering,
        };
        command.SetAction(parse =>
        {
            var modelName = parse.GetValue(model)!;
            var spec = LlmPresets.Find(modelName)
                ?? throw new SimInputException($"--model: unknown model '{modelName}'. Fix: use one of {string.Join(", ", LlmPresets.All.Select(m => m.Name))}");
            var promptTokens = parse.GetValue(tokens);
            if (promptTokens is < 1 or > 1 << 20)
                throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--prompt-tokens: {promptTokens} is outside 1..1048576. Fix: e.g. --prompt-tokens 512"));
            var count = parse.GetValue(requests);
            if (count is < 1 or > 1 << 16)
                throw new SimInputException(string.Create(CultureInfo.InvariantCulture, $"--requests: {count} is outside 1..65536. Fix: e.g. --requests 8"));
            var loweringText = parse.GetValue(lowering)!;
            if (!AttentionLoweringNames.TryParse(loweringText, out var chosen))
                throw new SimInputException($"--lowering: unknown lowering '{loweringText}'. Fix: use unfused, two-pass or fused");
            var system = NpuPimSystem.NeuPims;
            var r = NpuPimModel.PrefillLayer(system, spec, promptTokens, count, chosen); // overflow → exit 2 via SimCli
            var modelCycles = checked(r.LayerCycles * spec.LayersPerStage);
            // The KV these prompts leave (one batch; the decode check counts the pp batches a pipelined decode keeps in flight).
            var kvBytes = KvCacheSizing.KvBytesPerDevice(spec, DecodeBatch.Uniform(count, promptTokens));
            var needBytes = checked(KvCacheSizing.WeightBytesPerDevice(spec) + kvBytes);

            var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
            table.Title = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name} (tp {spec.TensorParallel}, pp {spec.PipelineStages}): prefill of {count} × {promptTokens} tokens on NeuPIMs' NPU")));
            void Row(string name, FormattableString value) => table.AddRow(Markup.Escape(name), Markup.Escape(value.ToString(CultureInfo.InvariantCulture)));
            Row("GEMM / vector / attention cycles (one layer)", $"{r.GemmCycles} / {r.VectorCycles} / {r.Attention.TotalCycles}");
            Row("attention lowering", $"{r.Attention.Lowering.ToName()}{(r.Attention.Feasible ? "" : " (infeasible: " + r.Attention.Reason + ")")}");
            Row("layer cycles", $"{r.LayerCycles}");
            Row($"device cycles ({spec.LayersPerStage} layers)", $"{modelCycles}");
            Row("time to first token (ms)", $"{modelCycles * spec.PipelineStages / (system.Npu.ClockGhz * 1e6):F3}");
            Row("DRAM bytes (one layer)", $"{r.DramBytes}");
            Row("KV cache left for decode (GiB per device)", $"{kvBytes / (double)(1L << 30):F3}");
            Row("weights + KV / capacity (GiB)",
                $"{needBytes / (double)(1L << 30):F2} / {system.DeviceCapacityBytes / (double)(1L << 30):F2}{(needBytes <= system.DeviceCapacityBytes ? "" : " (does not fit)")}");
            Terminal.Render(context, table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
