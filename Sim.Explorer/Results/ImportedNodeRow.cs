using CsvHelper;
using Sim.Explorer.Import.Onnx.Lowering;

namespace Sim.Explorer.Results;

/// <summary>One ONNX node of <c>sim import --report</c>: what it became in the workload.</summary>
[CsvRecord]
public sealed partial class ImportedNodeRow
{
    [CsvColumn("index")] public int Index { get; set; }
    [CsvColumn("node")] public string Node { get; set; } = "";
    [CsvColumn("op_type")] public string OpType { get; set; } = "";
    [CsvColumn("outcome")] public string Outcome { get; set; } = "";
    [CsvColumn("op")] public string Op { get; set; } = "";
    [CsvColumn("lowered_as")] public string LoweredAs { get; set; } = "";
    [CsvColumn("output_shape")] public string OutputShape { get; set; } = "";
    [CsvColumn("macs")] public long Macs { get; set; }
    [CsvColumn("note")] public string Note { get; set; } = "";

    public static ImportedNodeRow From(ImportedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new ImportedNodeRow
        {
            Index = node.Index,
            Node = node.Node,
            OpType = node.OpType,
            Outcome = node.Outcome switch
            {
                NodeOutcome.WeightPreparation => "weight_preparation",
                _ => node.Outcome.ToString().ToLowerInvariant(),
            },
            Op = node.OpName ?? "",
            LoweredAs = node.LoweredAs,
            OutputShape = node.OutputShape is { } shape ? string.Join("x", shape) : "",
            Macs = node.Macs,
            Note = node.Note ?? "",
        };
    }
}
