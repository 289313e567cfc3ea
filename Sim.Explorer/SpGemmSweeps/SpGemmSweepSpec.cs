using Sim.Arch.Sparse;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.SpGemmSweeps;

/// <summary>
/// An SpGEMM experiment (<c>spgemm:</c> at the top of a sweep spec): one sparse tile, a list of Matrix Market files
/// (C = A·A each, paths relative to the spec), the dataflows, and the row-wise merge structures to compare.
/// </summary>
public sealed record SpGemmSweepSpec(string Name, SparseTileSpec Tile, IReadOnlyList<InputFile> Matrices,
    IReadOnlyList<SpGemmDataflow> Dataflows, IReadOnlyList<SpGemmMerge> Merges)
{
    public const string Key = "spgemm";

    /// <summary>(dataflow, merge) in spec order; the merges apply to the row-wise dataflow only.</summary>
    public IEnumerable<(SpGemmDataflow Dataflow, SpGemmMerge? Merge)> Variants =>
        Dataflows.SelectMany(d => d == SpGemmDataflow.RowWise
            ? Merges.Select(m => (d, (SpGemmMerge?)m))
            : [(d, (SpGemmMerge?)null)]);

    public static SpGemmSweepSpec Read(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.Parse(file.DisplayPath, file.Text).AllowOnly(Key);
        var spec = root.RequireMap(Key).AllowOnly("name", "tile", "matrices", "dataflows", "merges");
        var name = spec.RequireString("name");
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(' ', StringComparison.Ordinal))
            throw spec.ErrorAt("name", $"'{name}' cannot name an output folder", "use letters, digits, '-' or '_'");
        var tile = spec.Has("tile") ? SparseTileYaml.Read(spec.RequireMap("tile")) : SparseTileSpec.Gamma;
        var matrices = ReadMatrices(file, spec);

        var dataflows = spec.RequireScalarList("dataflows").Select(d => SpGemmNames.TryParseDataflow(d.Text, out var value)
            ? value
            : throw SimInputException.At(file.DisplayPath, d.Line, d.Column, "spgemm.dataflows", $"'{d.Text}' is not a dataflow", "use inner, outer or rowwise")).ToList();
        if (dataflows.Distinct().Count() != dataflows.Count)
            throw spec.ErrorAt("dataflows", "a dataflow is listed twice", "list each once");
        if (!spec.Has("merges"))
            return new SpGemmSweepSpec(name, tile, matrices, dataflows, [SpGemmMerge.Hash]);

        // Merges only vary the row-wise dataflow: without it they would be silently ignored.
        if (!dataflows.Contains(SpGemmDataflow.RowWise))
            throw spec.ErrorAt("merges", "merges apply to the rowwise dataflow, which 'dataflows' does not list", "add rowwise to dataflows or delete merges");
        var merges = spec.RequireScalarList("merges").Select(m => SpGemmNames.TryParseMerge(m.Text, out var value)
            ? value
            : throw SimInputException.At(file.DisplayPath, m.Line, m.Column, "spgemm.merges", $"'{m.Text}' is not a merge structure", "use hash, dense or merger")).ToList();
        if (merges.Distinct().Count() != merges.Count)
            throw spec.ErrorAt("merges", "a merge structure is listed twice", "list each once");
        return new SpGemmSweepSpec(name, tile, matrices, dataflows, merges);
    }

    /// <summary>The .mtx files, each once: rows are keyed by the file's name, so two files with one name would be indistinguishable.</summary>
    private static List<InputFile> ReadMatrices(InputFile file, YamlMap spec)
    {
        var matrices = new List<InputFile>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (text, line, column) in spec.RequireScalarList("matrices"))
        {
            if (!text.EndsWith(".mtx", StringComparison.OrdinalIgnoreCase))
                throw SimInputException.At(file.DisplayPath, line, column, "spgemm.matrices", $"'{text}' is not a Matrix Market file", "list .mtx files, relative to this spec");
            var stem = Path.GetFileNameWithoutExtension(text);
            if (seen.TryGetValue(stem, out var first))
                throw SimInputException.At(file.DisplayPath, line, column, "spgemm.matrices", $"'{text}' repeats matrix '{stem}' (listed on line {first})", "list each matrix once (results are keyed by file name)");
            seen[stem] = line;
            try
            {
                matrices.Add(InputFile.Read(text, file.Directory));
            }
            catch (SimInputException e)
            {
                throw SimInputException.At(file.DisplayPath, line, column, "spgemm.matrices", e.Message, "fix the path (relative to this spec's folder; run the spec from disk, matrices are not embedded in the tool)");
            }
        }

        return matrices;
    }
}
