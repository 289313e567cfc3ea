using System.Buffers.Binary;
using Sim.Core.Config;
using Sim.Explorer.Import.Onnx.Proto;

namespace Sim.Explorer.Import.Onnx;

/// <summary>
/// Decodes a TensorProto's value into a <see cref="ConstantValue"/>: raw_data (little-endian, fixed width) or the typed
/// *_data fields, for float/double/int8/uint8/int16/uint16/int32/uint32/int64/uint64/bool. Float16, bfloat16, strings and
/// the 8/4-bit types are shape-only (null): no shape rule needs their values.
/// </summary>
internal static class TensorDecoder
{
    /// <summary>The value, or null when the tensor is larger than <see cref="ConstantValue.MaxElements"/> or of a shape-only type.</summary>
    public static ConstantValue? Decode(TensorProto tensor, string file, string what)
    {
        var type = (OnnxElementType)tensor.DataType;
        var dims = tensor.Dims.ToArray();
        var count = ElementCount(dims, file, what);
        if (count > ConstantValue.MaxElements || !(type.IsIntegral() || type.IsDecodedFloat()))
            return null;
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            return null;
        var n = (int)count;
        if (!tensor.RawData.IsEmpty)
            return FromRaw(type, dims, tensor.RawData.Span, file, what);
        return type switch
        {
            OnnxElementType.Float => Doubles(type, dims, tensor.FloatData.Select(f => (double)f).ToArray(), n, "float_data", file, what),
            OnnxElementType.Double => Doubles(type, dims, tensor.DoubleData.ToArray(), n, "double_data", file, what),
            OnnxElementType.Int64 => Longs(type, dims, tensor.Int64Data.ToArray(), n, "int64_data", file, what),
            OnnxElementType.UInt32 or OnnxElementType.UInt64 => Longs(type, dims, tensor.Uint64Data.Select(v => unchecked((long)v)).ToArray(), n, "uint64_data", file, what),
            _ => Longs(type, dims, tensor.Int32Data.Select(v => Narrow(type, v)).ToArray(), n, "int32_data", file, what),
        };
    }

    /// <summary>Decodes little-endian fixed-width bytes (raw_data or external data).</summary>
    public static ConstantValue FromRaw(OnnxElementType type, long[] dims, ReadOnlySpan<byte> raw, string file, string what)
    {
        var n = (int)ElementCount(dims, file, what);
        var width = type.Bits() / 8;
        if (raw.Length != (long)n * width)
            throw new SimInputException($"{file}: {what}: raw data holds {raw.Length} bytes, {type.OnnxName()}[{string.Join("x", dims)}] needs {(long)n * width}. Fix: re-export the model (the tensor is corrupt)");
        if (type.IsDecodedFloat())
        {
            var doubles = new double[n];
            for (var i = 0; i < n; i++)
            {
                doubles[i] = type == OnnxElementType.Float
                    ? BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(i * 4, 4))
                    : BinaryPrimitives.ReadDoubleLittleEndian(raw.Slice(i * 8, 8));
            }
            return ConstantValue.OfDoubles(type, dims, doubles);
        }
        var longs = new long[n];
        for (var i = 0; i < n; i++)
        {
            var at = raw.Slice(i * width, width);
            longs[i] = type switch
            {
                OnnxElementType.Int8 => (sbyte)at[0],
                OnnxElementType.UInt8 => at[0],
                OnnxElementType.Bool => at[0] != 0 ? 1 : 0,
                OnnxElementType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(at),
                OnnxElementType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
                OnnxElementType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                OnnxElementType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
                OnnxElementType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(at),
                _ => unchecked((long)BinaryPrimitives.ReadUInt64LittleEndian(at)),
            };
        }
        return ConstantValue.OfLongs(type, dims, longs);
    }

    /// <summary>True when the product of the (non-negative) dims exceeds long.MaxValue.</summary>
    public static bool CountOverflows(IReadOnlyList<long> dims)
    {
        if (dims.Any(d => d == 0))
            return false;
        long count = 1;
        foreach (var d in dims)
        {
            if (d > 0 && count > long.MaxValue / d)
                return true;
            count *= d;
        }
        return false;
    }

    public static long ElementCount(IReadOnlyList<long> dims, string file, string what)
    {
        long count = 1;
        foreach (var d in dims)
        {
            if (d < 0)
                throw new SimInputException($"{file}: {what}: negative dim {d} in [{string.Join("x", dims)}]. Fix: re-export the model (the tensor is corrupt)");
            if (d > 0 && count > long.MaxValue / d)
                throw new SimInputException($"{file}: {what}: dims [{string.Join("x", dims)}] hold more than 2^63 elements. Fix: re-export the model (the tensor is corrupt)");
            count *= d;
        }
        return count;
    }

    /// <summary>
    /// <paramref name="v"/> as the integer type reads it, keeping the low bits (two's complement wrap-around, as a C cast):
    /// int32_data widens every small integer type to int32, and a folded Cast narrows (UINT8: 300 → 44, −1 → 255).
    /// </summary>
    internal static long Narrow(OnnxElementType type, long v) => type switch
    {
        OnnxElementType.Int8 => unchecked((sbyte)v),
        OnnxElementType.UInt8 => unchecked((byte)v),
        OnnxElementType.Int16 => unchecked((short)v),
        OnnxElementType.UInt16 => unchecked((ushort)v),
        OnnxElementType.Int32 => unchecked((int)v),
        OnnxElementType.UInt32 => unchecked((uint)v),
        OnnxElementType.Bool => v != 0 ? 1 : 0,
        _ => v,
    };

    private static ConstantValue Doubles(OnnxElementType type, long[] dims, double[] values, int n, string field, string file, string what) =>
        values.Length == n ? ConstantValue.OfDoubles(type, dims, values) : throw Mismatch(type, dims, values.Length, n, field, file, what);

    private static ConstantValue Longs(OnnxElementType type, long[] dims, long[] values, int n, string field, string file, string what) =>
        values.Length == n ? ConstantValue.OfLongs(type, dims, values) : throw Mismatch(type, dims, values.Length, n, field, file, what);

    private static SimInputException Mismatch(OnnxElementType type, long[] dims, int got, int n, string field, string file, string what) =>
        new($"{file}: {what}: {field} holds {got} values, {type.OnnxName()}[{string.Join("x", dims)}] needs {n}. Fix: re-export the model (the tensor is corrupt)");

    /// <summary>The external-data reference of a tensor stored outside the model file, else null.</summary>
    public static OnnxExternalData? External(TensorProto.Types.DataLocation location, IEnumerable<StringStringEntryProto> entries, string file, string what)
    {
        if (location != TensorProto.Types.DataLocation.External)
            return null;
        string? path = null;
        long offset = 0;
        long? length = null;
        foreach (var entry in entries)
        {
            switch (entry.Key)
            {
                case "location": path = entry.Value; break;
                case "offset": offset = ParseLong(entry, file, what); break;
                case "length": length = ParseLong(entry, file, what); break;
            }
        }
        if (string.IsNullOrEmpty(path))
            throw new SimInputException($"{file}: {what}: external data without a 'location'. Fix: re-export the model with its external data file named");
        return new OnnxExternalData(path, offset, length);
    }

    private static long ParseLong(StringStringEntryProto entry, string file, string what) =>
        long.TryParse(entry.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SimInputException($"{file}: {what}: external data '{entry.Key}' is '{entry.Value}', not a non-negative integer. Fix: re-export the model");
}
