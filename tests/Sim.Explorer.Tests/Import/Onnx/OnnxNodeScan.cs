using System.Text;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>
/// A test-only scan of an .onnx file's node list straight from the protobuf wire format (ModelProto.graph = field 7,
/// GraphProto.node = 1; NodeProto input = 1, output = 2, name = 3, op_type = 4), independent of the importer and of
/// ONNX Runtime, used to check that the reference fixtures list every non-Constant node of the real model.
/// </summary>
internal static class OnnxNodeScan
{
    public sealed record Node(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

    public static IReadOnlyList<Node> Read(string path)
    {
        var model = File.ReadAllBytes(path);
        var graph = Fields(model).Single(f => f.Number == 7).Bytes;
        return Fields(graph).Where(f => f.Number == 1).Select(f => ReadNode(f.Bytes)).ToList();
    }

    private static Node ReadNode(ReadOnlyMemory<byte> bytes)
    {
        var fields = Fields(bytes);
        string Text(ReadOnlyMemory<byte> b) => Encoding.UTF8.GetString(b.Span);
        var name = fields.Where(f => f.Number == 3).Select(f => Text(f.Bytes)).LastOrDefault() ?? "";
        var opType = fields.Where(f => f.Number == 4).Select(f => Text(f.Bytes)).LastOrDefault() ?? "";
        return new Node(name, opType,
            [.. fields.Where(f => f.Number == 1).Select(f => Text(f.Bytes))],
            [.. fields.Where(f => f.Number == 2).Select(f => Text(f.Bytes))]);
    }

    /// <summary>The length-delimited fields of one message (varint and fixed-width fields are skipped).</summary>
    private static List<(int Number, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var span = message.Span;
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var at = 0;
        while (at < span.Length)
        {
            var key = Varint(span, ref at);
            var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0: Varint(span, ref at); break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                case 2:
                    var length = checked((int)Varint(span, ref at));
                    fields.Add((number, message.Slice(at, length)));
                    at += length;
                    break;
                default: throw new InvalidDataException($"wire type {wireType} at byte {at}");
            }
        }

        return at == span.Length ? fields : throw new InvalidDataException("message ends inside a field");
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }

        throw new InvalidDataException("varint longer than 10 bytes");
    }
}
