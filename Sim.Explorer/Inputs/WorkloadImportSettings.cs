using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Inputs;

/// <summary>How to read an imported model: ONNX input shapes ("x=1x3x640x640") and lowering choices.</summary>
public sealed record WorkloadImportSettings(IReadOnlyList<string> InputShapes, OnnxLoweringOptions Lowering)
{
    public static WorkloadImportSettings Default { get; } = new([], new OnnxLoweringOptions());
}
