using Google.Protobuf;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// The second pass over a model file: walks ModelProto.graph (field 7) → GraphProto.initializer (field 5) with a
/// CodedInputStream, parses only the initializers at the wanted ordinals (small ones, whose values shape rules may need) and
/// skips every other field without materialising it.
/// </summary>
internal static class InitializerValuePass
{
    private const int ModelGraphField = 7;
    private const int GraphInitializerField = 5;

    public static Dictionary<int, TensorProto> Read(string path, IReadOnlySet<int> wantedOrdinals)
    {
        var found = new Dictionary<int, TensorProto>();
        if (wantedOrdinals.Count == 0)
            return found;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var input = new CodedInputStream(stream);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (!IsMessage(tag, ModelGraphField))
            {
                input.SkipLastField();
                continue;
            }
            var end = input.Position + input.ReadLength();
            var ordinal = 0;
            while (input.Position < end && found.Count < wantedOrdinals.Count)
            {
                tag = input.ReadTag();
                if (IsMessage(tag, GraphInitializerField))
                {
                    if (wantedOrdinals.Contains(ordinal))
                    {
                        var tensor = new TensorProto();
                        input.ReadMessage(tensor);
                        found[ordinal] = tensor;
                    }
                    else
                    {
                        input.SkipLastField();
                    }
                    ordinal++;
                }
                else
                {
                    input.SkipLastField();
                }
            }
            return found;
        }
        return found;
    }

    private static bool IsMessage(uint tag, int field) =>
        WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
}
