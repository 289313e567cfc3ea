using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sim.Core.Hardware;
using Sim.Core.Mapping;

namespace Sim.Core.Config;

/// <summary>
/// Writes a <see cref="MappingFile"/> as YAML, deterministically (fixed key order, invariant culture, shortest
/// round-trip doubles):
/// <code>
/// workload: tiny
/// arch: small
/// objective: latency
/// layers:
///   - name: c1
///     dims: {N: 1, K: 16, C: 4, P: 8, Q: 8, R: 3, S: 3}
///     stride: 1                       # conv only
///     stride_w: 2                     # conv only, when the width stride differs
///     instances: 32                   # only above 1: groups / batch entries, each mapped alike
///     dataflow: ws                    # the stationary tensor: os outputs, ws weights, is inputs
///     register: {P: 8}                # per-PE temporal loops; omitted dims are 1
///     spatial: {rows: {C: 4}, cols: {K: 16}}
///     scratchpad: {Q: 8}
///     dram: {R: 3, S: 3}
///     scratchpad_order: [N, K, C, P, Q, R, S]   # outer → inner; a GEMM lists M, N, K
///     dram_order: [N, K, C, P, Q, R, S]
///     model: {latency_cycles: 1, dram_bytes: 2, energy_pj: 3.5, utilization: 0.25}
/// </code>
/// </summary>
public static partial class MappingYamlWriter
{
    public const string Header = "# written by `sim map`; reload with: sim run ARCH WORKLOAD --mapping THIS_FILE";

    /// <param name="graphSection">YAML text of a top-level <c>graph:</c> section (starting with "graph:"), appended as is.</param>
    public static string Write(MappingFile file, string? graphSection = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringBuilder();
        Line(text, Header);
        Line(text, $"workload: {Scalar(file.Workload)}");
        Line(text, $"arch: {Scalar(file.Arch)}");
        Line(text, $"objective: {Scalar(file.Objective)}");
        if (file.Layers.Count > 0)
            Line(text, "layers:");
        foreach (var layer in file.Layers)
            WriteLayer(text, layer);
        if (!string.IsNullOrEmpty(graphSection))
        {
            if (!graphSection.StartsWith("graph:", StringComparison.Ordinal))
                throw new ArgumentException("the graph section must start with 'graph:'", nameof(graphSection));
            text.Append(graphSection.ReplaceLineEndings("\n"));
            if (!graphSection.EndsWith('\n'))
                text.Append('\n');
        }

        return text.ToString();
    }

    private static void WriteLayer(StringBuilder text, LayerMappingEntry layer)
    {
        var (problem, mapping) = (layer.Problem, layer.Mapping);
        Line(text, $"  - name: {Scalar(problem.Name)}");
        Line(text, $"    dims: {{{string.Join(", ", MappingDims.FileOrder(problem).Select(d => $"{MappingDims.Name(problem, d)}: {I(problem.Bounds[d])}"))}}}");
        if (!problem.IsGemm)
            Line(text, $"    stride: {I(problem.StrideH)}");
        if (!problem.IsGemm && problem.StrideW != problem.StrideH)
            Line(text, $"    stride_w: {I(problem.StrideW)}");
        if (problem.Instances != 1)
            Line(text, $"    instances: {I(problem.Instances)}");
        Line(text, $"    dataflow: {mapping.Stationary.ToDataflow().ToName()}");
        Line(text, $"    register: {Factors(problem, mapping.Register)}");
        var axes = AxisNames(mapping.Spatial.Count).Zip(mapping.Spatial, (axis, factors) => $"{axis}: {Factors(problem, factors)}");
        Line(text, $"    spatial: {{{string.Join(", ", axes)}}}");
        Line(text, $"    scratchpad: {Factors(problem, mapping.Scratchpad)}");
        Line(text, $"    dram: {Factors(problem, mapping.Dram)}");
        Line(text, $"    scratchpad_order: {Order(problem, mapping.ScratchpadOrder)}");
        Line(text, $"    dram_order: {Order(problem, mapping.DramOrder)}");
        if (layer.Model is { } m)
            Line(text, $"    model: {{latency_cycles: {I(m.LatencyCycles)}, dram_bytes: {I(m.DramBytes)}, energy_pj: {D(m.EnergyPj)}, utilization: {D(m.Utilization)}}}");
    }

    /// <summary>The array axes' names in a mapping file, by count: rows, cols, then depth for a cube.</summary>
    public static IReadOnlyList<string> AxisNames(int count) => count switch
    {
        2 => ["rows", "cols"],
        3 => ["rows", "cols", "depth"],
        _ => throw new ArgumentOutOfRangeException(nameof(count), count, "a PE array has 2 or 3 axes"),
    };

    /// <summary>Factors other than 1, in file order: <c>{P: 8, Q: 2}</c>; <c>{}</c> when all are 1.</summary>
    private static string Factors(LoopNestProblem problem, DimVector factors) =>
        "{" + string.Join(", ", MappingDims.FileOrder(problem).Where(d => factors[d] != 1).Select(d => $"{MappingDims.Name(problem, d)}: {I(factors[d])}")) + "}";

    private static string Order(LoopNestProblem problem, IReadOnlyList<LoopDim> order) =>
        "[" + string.Join(", ", order.Where(d => problem.DimName(d) is not null).Select(d => MappingDims.Name(problem, d))) + "]";

    /// <summary>Plain when the text cannot be mistaken for YAML syntax, else double-quoted.</summary>
    private static string Scalar(string value) => PlainScalar().IsMatch(value)
        ? value
        : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.+/-]*$")]
    private static partial Regex PlainScalar();
}
