using System.Globalization;

namespace Sim.Explorer.Tests.Import.Timeloop;

/// <summary>Hand-written Timeloop problems in the v0.4 form, as users write them.</summary>
internal static class TimeloopYamlText
{
    /// <summary>Timeloop's CNN layer (cnn-layer.yaml with M for output channels) with the given instance lines.</summary>
    public static string Cnn(string instance) => $"""
        problem:
          version: 0.4
          shape:
            name: CNN_Layer
            dimensions: [C, M, R, S, N, P, Q]
            coefficients:
              - {"{"}name: Wstride, default: 1{"}"}
              - {"{"}name: Hstride, default: 1{"}"}
              - {"{"}name: Wdilation, default: 1{"}"}
              - {"{"}name: Hdilation, default: 1{"}"}
            data_spaces:
              - name: Weights
                projection: [[[C]], [[M]], [[R]], [[S]]]
              - name: Inputs
                projection: [[[N]], [[C]], [[R, Wdilation], [P, Wstride]], [[S, Hdilation], [Q, Hstride]]]
              - name: Outputs
                projection: [[[N]], [[M]], [[Q]], [[P]]]
                read_write: true
          instance:
        {Indent(instance)}
        """;

    public static string CnnInstance(long c, long m, long r, long s, long n, long p, long q, long wstride = 1, long hstride = 1, long wdilation = 1, long hdilation = 1) =>
        string.Create(CultureInfo.InvariantCulture,
            $"C: {c}\nM: {m}\nR: {r}\nS: {s}\nN: {n}\nP: {p}\nQ: {q}\nWstride: {wstride}\nHstride: {hstride}\nWdilation: {wdilation}\nHdilation: {hdilation}");

    private static string Indent(string lines) => string.Join('\n', lines.Split('\n').Select(l => "    " + l));
}
