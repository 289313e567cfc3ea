using CsCheck;
using Sim.Core.Hardware;
using Sim.Core.Sparse;

namespace Sim.Arch.Tests.Sparse;

/// <summary>
/// Random sparse operands for property tests: shapes 0–9 (empty matrices, rows and columns included), densities
/// 0–100 %, small integer values (zero included: explicit zeros are structural), so every summation order is exact.
/// </summary>
internal static class SparseGen
{
    public static Gen<CsrMatrix> Matrix(int rows, int cols) =>
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 99].Array[rows * cols], Gen.Int[-4, 4].Array[rows * cols])
            .Select((density, coins, values) => CsrMatrix.FromTriplets(rows, cols,
                Enumerable.Range(0, rows * cols).Where(p => coins[p] < density).Select(p => (p / cols, p % cols, (double)values[p]))));

    /// <summary>A·B with A: M×K and B: K×N, rectangular in general.</summary>
    public static readonly Gen<SpGemm> Gemm =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 9])
            .SelectMany((m, k, n) => Gen.Select(Matrix(m, k), Matrix(k, n)))
            .Select((a, b) => new SpGemm("random", a, "A", b, "B"));

    public static readonly Gen<SparseTileSpec> Tile =
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[2, 6], Gen.Long[1, 12], Gen.Long[0, 400], Gen.Int[4, 64])
            .Select((pes, mul, merge, radix, entries, cache, bw) => new SparseTileSpec(pes, mul, merge, radix, entries, cache, 8, 4, bw, 1.0));
}
