namespace Sim.Explorer.Import.Timeloop;

/// <summary>
/// The shapes Timeloop loads by name from its problem-shapes folder (a problem with no 'shape:' gets cnn-layer). Written
/// here in Timeloop's own syntax from the public shape definitions: the CNN layer's seven dimensions with stride and
/// dilation coefficients, and gemm_ABZ.
/// </summary>
internal static class TimeloopBuiltInShapes
{
    private const string CnnLayer = """
        shape:
          name: CNN-Layer
          dimensions: [R, S, P, Q, C, K, N]
          coefficients:
            - {name: Wstride, default: 1}
            - {name: Hstride, default: 1}
            - {name: Wdilation, default: 1}
            - {name: Hdilation, default: 1}
          data_spaces:
            - name: Weights
              projection: [[[C]], [[K]], [[R]], [[S]]]
            - name: Inputs
              projection: [[[N]], [[C]], [[R, Wdilation], [P, Wstride]], [[S, Hdilation], [Q, Hstride]]]
            - name: Outputs
              projection: [[[N]], [[K]], [[Q]], [[P]]]
              read_write: true
        """;

    private const string GemmAbz = """
        shape:
          name: gemm_ABZ
          dimensions: [M, N, K]
          data_spaces:
            - name: A
              projection: [[[M]], [[K]]]
            - name: B
              projection: [[[N]], [[K]]]
            - name: Z
              projection: [[[M]], [[N]]]
              read_write: true
        """;

    /// <summary>Timeloop's file names for them (it also accepts the name with '.yaml').</summary>
    public static IReadOnlyList<string> Names { get; } = ["cnn-layer", "cnn_layer", "gemm_ABZ", "gemm-ABZ"];

    /// <summary>The 'shape:' node of the built-in shape called <paramref name="name"/>, or null when Timeloop ships no such shape.</summary>
    public static TimeloopYaml? Find(string name)
    {
        var bare = name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
        var text = bare switch
        {
            "cnn-layer" or "cnn_layer" => CnnLayer,
            "gemm_ABZ" or "gemm-ABZ" => GemmAbz,
            _ => null,
        };
        return text is null ? null : TimeloopYaml.Parse($"<Timeloop built-in shape '{bare}'>", text).Require("shape", "");
    }
}
