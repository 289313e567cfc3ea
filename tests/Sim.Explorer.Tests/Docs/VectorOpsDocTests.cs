using System.Globalization;
using Sim.Core.Workloads;

namespace Sim.Explorer.Tests.Docs;

/// <summary>docs/vector-ops.md carries the function catalogue exactly as <see cref="VectorFunctions.All"/> defines it.</summary>
public class VectorOpsDocTests
{
    /// <summary>The catalogue as a Markdown table, one row per function in catalogue order.</summary>
    public static string CatalogueTable()
    {
        static string Ops(VectorOps ops)
        {
            var terms = new[] { (ops.Maxes, "max"), (ops.Adds, "add"), (ops.Muls, "mul"), (ops.Exps, "exp") }
                .Where(t => t.Item1 > 0)
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Item1} {t.Item2}"))
                .ToList();
            return terms.Count == 0 ? "–" : string.Join(" + ", terms);
        }

        var lines = new List<string>
        {
            "| function | class | per output element | per reduced step | per row | meaning |",
            "|---|---|---|---|---|---|",
        };
        lines.AddRange(VectorFunctions.All.Select(f =>
            $"| `{f.Name}` | {f.Class.ToString().ToLowerInvariant()} | {Ops(f.PerElement)} | {Ops(f.PerReduced)} | {Ops(f.PerRow)} | {f.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |"));
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void The_doc_lists_every_function_with_its_costs()
    {
        var doc = File.ReadAllText(Path.Combine(Import.RepoPaths.Root, "docs", "vector-ops.md")).ReplaceLineEndings("\n");
        var table = CatalogueTable();
        Assert.True(doc.Contains(table, StringComparison.Ordinal),
            "docs/vector-ops.md's catalogue table is out of date; replace it with:\n" + table);
        Assert.All(VectorFunctions.All, f => Assert.Contains($"| `{f.Name}` |", doc, StringComparison.Ordinal));
    }
}
