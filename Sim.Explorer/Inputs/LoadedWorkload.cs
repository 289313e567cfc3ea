using Sim.Core.Workloads;
using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Inputs;

/// <summary>A workload read from any supported source, with the comment lines that say where it came from and, for an
/// ONNX model, the per-node import report.</summary>
public sealed record LoadedWorkload(Workload Workload, IReadOnlyList<string> Header, OnnxImport? Onnx);
