using System.CommandLine;
using Sim.Core.Config;
using Sim.Core.Workloads;
using Sim.Explorer.Import.Onnx.Lowering;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Cli;

/// <summary>The flags every command that reads a workload takes for imported models (sim import, run, map).</summary>
public sealed class WorkloadImportFlags
{
    private WorkloadImportFlags()
    {
    }

    public Option<string[]> InputShapes { get; } = new("--input-shape")
    {
        Description = "An ONNX graph input's shape, NAME=DxDx… (e.g. x=1x3x640x640); repeat per input with symbolic dims",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Name { get; } = new("--name") { Description = "Workload name for an imported model (default: the file name)" };

    public Option<bool> NoFuseAttention { get; } = new("--no-fuse-attention") { Description = "Keep MatMul→Softmax→MatMul as three ops instead of one attention op" };

    public Option<bool> NoFuseLayerNorm { get; } = new("--no-fuse-layer-norm") { Description = "Keep a layer norm written out op by op (ReduceMean → Sub → Pow → …) as separate vector ops" };

    public Option<string> AttentionLowering { get; } = new("--attention-lowering")
    {
        Description = "Lowering recorded for fused attention: fused, two-pass or unfused",
        DefaultValueFactory = _ => "fused",
    };

    public static WorkloadImportFlags Create() => new();

    public IEnumerable<Option> All => [InputShapes, Name, NoFuseAttention, NoFuseLayerNorm, AttentionLowering];

    public WorkloadImportSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var loweringText = parse.GetValue(AttentionLowering)!;
        if (!AttentionLoweringNames.TryParse(loweringText, out var lowering))
            throw new SimInputException($"--attention-lowering: '{loweringText}' is not a lowering. Fix: use fused, two-pass or unfused");
        return new WorkloadImportSettings(parse.GetValue(InputShapes) ?? [],
            new OnnxLoweringOptions(parse.GetValue(Name), !parse.GetValue(NoFuseAttention), lowering) { FuseLayerNorm = !parse.GetValue(NoFuseLayerNorm) });
    }
}
