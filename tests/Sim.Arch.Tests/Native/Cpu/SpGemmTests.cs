using System.Globalization;
using CsCheck;
using Sim.Arch.Native.Cpu;
using Sim.Arch.Tests.Sparse;
using Sim.Core.Sparse;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>
/// Gustavson SpGEMM equals the oracle exactly — same structure (structural zeros kept, columns sorted) and the same
/// bits, since products are added in the oracle's order — on random operands, on two shipped real matrices, and for
/// any thread count.
/// </summary>
public class SpGemmTests
{
    [Fact]
    public void Random_operands_equal_the_oracle_bit_for_bit() =>
        SparseGen.Gemm.Select(Gen.Int[1, 4]).Sample((gemm, threads) => AssertEqual(gemm.A, gemm.B, threads), iter: 200);

    [Theory]
    [InlineData("sherman4")]
    [InlineData("delaunay_n10")]
    public void Shipped_matrices_squared_equal_the_oracle(string name)
    {
        var a = MatrixMarket(name);
        AssertEqual(a, a, threads: 1);
        AssertEqual(a, a, threads: 3);
    }

    [Fact]
    public void Cancelling_products_keep_their_structural_zero()
    {
        // Row 0 of A·B: 1·1 + 1·(−1) = 0 at column 0, which the oracle keeps as a stored zero.
        var a = CsrMatrix.FromTriplets(1, 2, [(0, 0, 1.0), (0, 1, 1.0)]);
        var b = CsrMatrix.FromTriplets(2, 1, [(0, 0, 1.0), (1, 0, -1.0)]);
        using var run = new CpuSpGemmRun(a, b, 1);
        run.Run();
        Assert.Equal(1, run.Result().Nnz);
        Assert.Equal(0.0, run.Result().Values[0]);
    }

    private static void AssertEqual(CsrMatrix a, CsrMatrix b, int threads)
    {
        var expected = ReferenceSpGemm.Multiply(a, b);
        using var run = new CpuSpGemmRun(a, b, threads);
        run.Run();
        run.Run();
        var actual = run.Result();
        Assert.True(expected.SameStructure(actual), $"{a.Rows}x{a.Cols} · {b.Rows}x{b.Cols}, {threads} threads: structure differs");
        Assert.True(expected.Values.SequenceEqual(actual.Values), $"{threads} threads: values differ");
    }

    /// <summary>A minimal Matrix Market coordinate reader for the shipped files (general or symmetric; real or pattern = 1).</summary>
    private static CsrMatrix MatrixMarket(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "workloads", "matrices")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "workloads", "matrices", name + ".mtx"));
        var header = lines[0];
        var (pattern, symmetric) = (header.Contains("pattern", StringComparison.Ordinal), header.Contains("symmetric", StringComparison.Ordinal));
        var body = lines.Where(l => l.Length > 0 && l[0] != '%').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var (rows, cols) = (int.Parse(body[0][0], CultureInfo.InvariantCulture), int.Parse(body[0][1], CultureInfo.InvariantCulture));
        var entries = new Dictionary<(int, int), double>();
        foreach (var f in body.Skip(1))
        {
            var (i, j) = (int.Parse(f[0], CultureInfo.InvariantCulture) - 1, int.Parse(f[1], CultureInfo.InvariantCulture) - 1);
            var value = pattern ? 1.0 : double.Parse(f[2], CultureInfo.InvariantCulture);
            entries[(i, j)] = value;
            if (symmetric)
                entries[(j, i)] = value;
        }

        return CsrMatrix.FromTriplets(rows, cols, entries.Select(e => (e.Key.Item1, e.Key.Item2, e.Value)));
    }
}
