namespace Sim.Explorer.Import.Onnx.Inference;

/// <summary>The default-domain op types with a shape rule, each registered by its family's file.</summary>
internal static class ShapeRules
{
    public static IReadOnlyDictionary<string, ShapeRule> Table { get; } = Build();

    private static Dictionary<string, ShapeRule> Build()
    {
        var rules = new Dictionary<string, ShapeRule>(StringComparer.Ordinal);
        ElementwiseRules.Register(rules);
        ConvRules.Register(rules);
        MatMulRules.Register(rules);
        PoolRules.Register(rules);
        NormalizationRules.Register(rules);
        ReductionRules.Register(rules);
        LayoutRules.Register(rules);
        JoinSplitRules.Register(rules);
        IndexingRules.Register(rules);
        SourceRules.Register(rules);
        ResizeRules.Register(rules);
        return rules;
    }
}
