namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>
/// MatMul (numpy matmul): a 1-D A is [1,K] and a 1-D B is [K,1], the added dim removed from the result; batch dims
/// (all but the last two) broadcast; A[…,M,K]·B[…,K,N] → […,M,N]. Gemm: op(A)[M,K]·op(B)[K,N] (transA/transB swap the
/// 2-D operand) → [M,N], C broadcast unidirectionally to [M,N].
/// </summary>
internal static class MatMulRules
{
    public static void Register(Dictionary<string, ShapeRule> rules)
    {
        rules["MatMul"] = MatMul;
        rules["MatMulInteger"] = c => MatMulShaped(c, OnnxElementType.Int32);
        rules["Gemm"] = Gemm;
    }

    private static void MatMul(NodeContext c) => MatMulShaped(c, c.Type(0));

    private static void MatMulShaped(NodeContext c, OnnxElementType type)
    {
        var a = c.Shape(0);
        var b = c.Shape(1);
        if (a.Length == 0 || b.Length == 0)
            throw c.Fail($"MatMul needs operands of rank ≥ 1, got {c.Describe(0, 1)}", "fix the model's shapes");
        var a2 = a.Length == 1 ? [1, a[0]] : a;
        var b2 = b.Length == 1 ? [b[0], 1] : b;
        var k = a2[^1];
        if (k != b2[^2])
            throw c.Fail($"inner dims differ: A {c.Describe(0)} has K={k}, B {c.Describe(1)} has K={b2[^2]}", "fix the model so A's last dim equals B's second-to-last");
        var batch = Broadcasting.Shape(a2[..^2], b2[..^2])
            ?? throw c.Fail($"batch dims of {c.Describe(0, 1)} do not broadcast", "fix the model: batch dims must be equal or 1");
        var shape = new List<long>(batch);
        if (a.Length > 1)
            shape.Add(a2[^2]);
        if (b.Length > 1)
            shape.Add(b2[^1]);
        c.Output(0, type, shape.ToArray());
    }

    private static void Gemm(NodeContext c)
    {
        var a = c.Shape(0);
        var b = c.Shape(1);
        if (a.Length != 2 || b.Length != 2)
            throw c.Fail($"Gemm needs 2-D A and B, got {c.Describe(0, 1)}", "fix the model (use MatMul for batched products)");
        var transA = c.Attr.Int("transA", 0) != 0;
        var transB = c.Attr.Int("transB", 0) != 0;
        var (m, ka) = transA ? (a[1], a[0]) : (a[0], a[1]);
        var (kb, n) = transB ? (b[1], b[0]) : (b[0], b[1]);
        if (ka != kb)
            throw c.Fail($"inner dims differ: op(A) from {c.Describe(0)} (transA={(transA ? 1 : 0)}) has K={ka}, op(B) from {c.Describe(1)} (transB={(transB ? 1 : 0)}) has K={kb}", "fix the shapes or the transA/transB attributes");
        long[] shape = [m, n];
        if (c.Has(2) && !Broadcasting.Unidirectional(c.Shape(2), shape))
            throw c.Fail($"C {c.Describe(2)} does not broadcast to [{m}x{n}]", "give C a shape that broadcasts to [M,N]");
        c.Output(0, c.Type(0), shape);
    }
}
