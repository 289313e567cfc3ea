using Sim.Arch.Sparse;
using Sim.Core.Config;
using Sim.Core.Sparse;
using Sim.Explorer.Import;
using Sim.Explorer.Results;

namespace Sim.Explorer.SpGemmSweeps;

/// <summary>
/// Evaluates every matrix × (dataflow, merge) of a spec into points.csv rows, in spec order on one thread: each
/// matrix is parsed and its structure computed once, then shared by every variant. Deterministic.
/// </summary>
public static class SpGemmSweepRunner
{
    public static List<SpGemmRow> Run(SpGemmSweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new List<SpGemmRow>();
        foreach (var file in spec.Matrices)
        {
            var name = Path.GetFileNameWithoutExtension(file.DisplayPath);
            var a = MatrixMarketReader.Parse(file.DisplayPath, file.Text);
            if (a.Rows != a.Cols)
                throw new SimInputException($"{file.DisplayPath}: C = A·A needs a square matrix, this one is {a.Rows}×{a.Cols}. Fix: list square matrices in spgemm.matrices");
            var structure = SpGemmStructure.Of(new SpGemm(name, a, name, a, name));
            foreach (var (dataflow, merge) in spec.Variants)
            {
                var result = SpGemmModel.Evaluate(structure, spec.Tile, dataflow, merge ?? SpGemmMerge.Hash);
                rows.Add(SpGemmRow.From(name, name, name, result, spec.Tile));
            }
        }

        return rows;
    }
}
