using System.Text.Json;
using Sim.Explorer.Tests.Sparse;

namespace Sim.Explorer.Tests.Cli;

public class SpGemmOpCommandTests
{
    private static readonly string s_dnn = RealMatrixCountsTests.MatrixPath("dnn_n1024-l1");

    [Fact]
    public void Json_carries_the_counts_of_the_model()
    {
        var (code, output, error) = CliRunner.Run("op", "spgemm", "--a", s_dnn, "--dataflow", "rowwise", "--merge", "merger", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1_048_576, root.GetProperty("multiplies").GetInt64()); // SOURCES.md
        Assert.Equal(49_152, root.GetProperty("nnz_c").GetInt64());
        Assert.Equal(1_048_576 - 49_152, root.GetProperty("merge_adds").GetInt64());
        Assert.Equal("rowwise-merger", root.GetProperty("label").GetString());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        // 32 PEs × 1 multiplier: 1024 rows of 1024 products, 32 rows per PE ⇒ 32768 cycles.
        Assert.Equal(32_768, root.GetProperty("compute_cycles").GetInt64());
    }

    [Fact]
    public void Table_by_default_and_b_defaults_to_a()
    {
        var (code, output, _) = CliRunner.Run("op", "spgemm", "--a", s_dnn, "--b", s_dnn, "--dataflow", "inner", "--cache-kb", "64", "--dram-bw", "32");
        Assert.Equal(0, code);
        Assert.Contains("coordinate reads", output, StringComparison.Ordinal);
        Assert.Contains("67108864", output, StringComparison.Ordinal); // N·nnz(A) + M·nnz(B)
    }

    [Theory]
    [InlineData("--dataflow", "diagonal", "--dataflow: 'diagonal' is not an SpGEMM dataflow")]
    [InlineData("--merge", "hash", "--merge: only the rowwise dataflow")]
    [InlineData("--multipliers", "0", "--multipliers: 0 is outside 1..65536")]
    [InlineData("--radix", "1", "--radix: 1 is outside 2..65536")]
    [InlineData("--radix", "65537", "--radix: 65537 is outside 2..65536")]
    [InlineData("--pes", "1048577", "--pes: 1048577 is outside 1..1048576")]
    [InlineData("--multipliers", "65537", "--multipliers: 65537 is outside 1..65536")]
    [InlineData("--merge-ops", "0", "--merge-ops: 0 is outside 1..65536")]
    [InlineData("--merge-ops", "65537", "--merge-ops: 65537 is outside 1..65536")]
    [InlineData("--accumulator-entries", "1099511627777", "--accumulator-entries: 1099511627777 is outside 1..1099511627776")]
    [InlineData("--cache-kb", "9007199254740993", "--cache-kb: 9007199254740993 is outside 0..1073741824")]
    [InlineData("--cache-kb", "-1", "--cache-kb: -1 is outside 0..1073741824")]
    [InlineData("--load-factor", "0", "--load-factor: 0 is not in (0, 1]")]
    [InlineData("--load-factor", "1.5", "--load-factor: 1.5 is not in (0, 1]")]
    [InlineData("--dram-bw", "1e-300", "does not fit 64-bit cycle or byte counters. Fix: check the sizes, and that the DRAM bandwidth is not vanishingly small")]
    public void Bad_flags_exit_2(string flag, string value, string expected)
    {
        var args = new List<string> { "op", "spgemm", "--a", s_dnn, flag, value };
        if (flag != "--dataflow")
            args.AddRange(["--dataflow", "inner"]);
        var (code, _, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_factor_moves_the_hash_spill()
    {
        // dnn rows have nnz(C_i,:) = 48 (SOURCES.md max nnz(C row)): 64 entries·0.75 = 48 holds them, 0.74 spills every
        // row's 1024 partials (1024 rows × 1024 × 2 × 12 B).
        long Spill(string load) => JsonDocument.Parse(CliRunner.Run("op", "spgemm", "--a", s_dnn, "--dataflow", "rowwise", "--accumulator-entries", "64",
            "--load-factor", load, "--json").Out).RootElement.GetProperty("dram_partial_bytes").GetInt64();
        Assert.Equal(0, Spill("0.75"));
        Assert.Equal(1024L * 1024 * 2 * 12, Spill("0.74"));
    }

    [Fact]
    public void A_lying_size_line_is_a_clean_error()
    {
        using var dir = new TempDirectory();
        var lying = dir.Write("lying.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1000000000\n1 1 1\n");
        var (code, _, error) = CliRunner.Run("op", "spgemm", "--a", lying, "--dataflow", "outer");
        Assert.Equal(2, code);
        Assert.Contains("lying.mtx:3:1: only 1 of the 1000000000 entries the size line (line 2) declares", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_file_exits_2_with_the_readers_message()
    {
        using var dir = new TempDirectory();
        var bad = dir.Write("bad.mtx", "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 9 1\n");
        var (code, _, error) = CliRunner.Run("op", "spgemm", "--a", bad, "--dataflow", "outer");
        Assert.Equal(2, code);
        Assert.Contains("bad.mtx:3:1: index (1, 9) is outside", error, StringComparison.Ordinal);
        var rectangular = dir.Write("r.mtx", "%%MatrixMarket matrix coordinate real general\n2 3 1\n1 1 1\n");
        (code, _, error) = CliRunner.Run("op", "spgemm", "--a", rectangular, "--dataflow", "outer");
        Assert.Equal(2, code);
        Assert.Contains("B needs as many rows as A has columns", error, StringComparison.Ordinal);
    }
}
