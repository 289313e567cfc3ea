namespace Sim.Explorer.Import.Onnx;

/// <summary>An ONNX tensor element type. Values are ONNX's <c>TensorProto.DataType</c> numbers (facts of the format).</summary>
public enum OnnxElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
    Complex64 = 14,
    Complex128 = 15,
    BFloat16 = 16,
    Float8E4M3FN = 17,
    Float8E4M3FNUZ = 18,
    Float8E5M2 = 19,
    Float8E5M2FNUZ = 20,
    UInt4 = 21,
    Int4 = 22,
    Float4E2M1 = 23,
}

/// <summary>Sizes and classes of <see cref="OnnxElementType"/>.</summary>
public static class OnnxElementTypes
{
    /// <summary>Storage bits per element (4 for the packed 4-bit types); 0 for Undefined and String (no fixed size).</summary>
    public static int Bits(this OnnxElementType type) => type switch
    {
        OnnxElementType.Bool or OnnxElementType.UInt8 or OnnxElementType.Int8 => 8,
        OnnxElementType.Float8E4M3FN or OnnxElementType.Float8E4M3FNUZ or OnnxElementType.Float8E5M2 or OnnxElementType.Float8E5M2FNUZ => 8,
        OnnxElementType.UInt16 or OnnxElementType.Int16 or OnnxElementType.Float16 or OnnxElementType.BFloat16 => 16,
        OnnxElementType.Float or OnnxElementType.Int32 or OnnxElementType.UInt32 => 32,
        OnnxElementType.Double or OnnxElementType.Int64 or OnnxElementType.UInt64 or OnnxElementType.Complex64 => 64,
        OnnxElementType.Complex128 => 128,
        OnnxElementType.UInt4 or OnnxElementType.Int4 or OnnxElementType.Float4E2M1 => 4,
        _ => 0,
    };

    /// <summary>Bytes that <paramref name="elements"/> elements occupy (sub-byte types packed, rounded up).</summary>
    public static long BytesFor(this OnnxElementType type, long elements) => (elements * type.Bits() + 7) / 8;

    /// <summary>True for integer and bool types, whose constant values are held exactly as <c>long</c>.</summary>
    public static bool IsIntegral(this OnnxElementType type) => type is OnnxElementType.Bool or OnnxElementType.UInt8 or OnnxElementType.Int8
        or OnnxElementType.UInt16 or OnnxElementType.Int16 or OnnxElementType.Int32 or OnnxElementType.Int64
        or OnnxElementType.UInt32 or OnnxElementType.UInt64;

    /// <summary>True for floating types whose values the reader decodes (float, double; float16/bfloat16 are shape-only).</summary>
    public static bool IsDecodedFloat(this OnnxElementType type) => type is OnnxElementType.Float or OnnxElementType.Double;

    /// <summary>The name ONNX uses (e.g. "FLOAT", "INT64").</summary>
    public static string OnnxName(this OnnxElementType type) => type.ToString().ToUpperInvariant();
}
