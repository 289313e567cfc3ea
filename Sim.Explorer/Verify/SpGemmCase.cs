using Sim.Arch.Native;
using Sim.Arch.Sparse;
using Sim.Core.Sparse;
using Sim.Explorer.Import;

namespace Sim.Explorer.Verify;

/// <summary>
/// C = A·A on a shipped Matrix Market matrix through every <see cref="SpGemmModel.Execute"/> dataflow (inner product,
/// outer product, row-wise with each merge) and every native SpGEMM: structure exact, values within
/// <see cref="SpGemmBounds"/> of <see cref="ReferenceSpGemm"/>.
/// </summary>
public sealed record SpGemmCase(string MatrixPath) : IVerifyCase
{
    private static readonly (SpGemmDataflow Dataflow, SpGemmMerge Merge, string Name, Type Executor)[] s_dataflows =
    [
        (SpGemmDataflow.Inner, SpGemmMerge.Hash, "spgemm inner", typeof(InnerProductExecutor)),
        (SpGemmDataflow.Outer, SpGemmMerge.Hash, "spgemm outer", typeof(OuterProductExecutor)),
        (SpGemmDataflow.RowWise, SpGemmMerge.Hash, "spgemm rowwise hash", typeof(RowWiseExecutor)),
        (SpGemmDataflow.RowWise, SpGemmMerge.Dense, "spgemm rowwise dense", typeof(RowWiseExecutor)),
        (SpGemmDataflow.RowWise, SpGemmMerge.Merger, "spgemm rowwise merger", typeof(RowWiseExecutor)),
    ];

    public string Name => $"spgemm {System.IO.Path.GetFileNameWithoutExtension(MatrixPath)} A·A";

    public IReadOnlyList<SimulatedPath> Paths => [.. s_dataflows.Select(d => new SimulatedPath(d.Name, [typeof(SpGemmModel), d.Executor]))];

    public IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var a = MatrixMarketReader.Load(MatrixPath);
        var gemm = new SpGemm(Name, a, "A", a, "A");
        var expected = ReferenceSpGemm.Multiply(a, a);
        var bound = SpGemmBounds.For(a, a);
        foreach (var (dataflow, merge, path, _) in s_dataflows)
        {
            // Past its dense-iteration limit the inner product visits only structurally reachable columns: say so.
            var note = dataflow == SpGemmDataflow.Inner && (long)gemm.M * gemm.N > InnerProductExecutor.DenseIterationLimit
                ? "M·N > 2^24: candidate columns only"
                : "";
            yield return Checks.Simulated(Name, path, () => SpGemmBounds.Compare(SpGemmModel.Execute(gemm, dataflow, merge), expected, bound), note);
        }

        foreach (var target in targets)
        {
            yield return Checks.Native(Name, target, NativeKernel.SpGemm, SpGemmBounds.Multiplies(a, a),
                t => t.SpGemm(a, a), c => SpGemmBounds.Compare(c, expected, bound));
        }
    }
}
