using Sim.Core.Config;
using Sim.Explorer.Inputs;
using Sim.Explorer.Results;
using Sim.Explorer.SpGemmSweeps;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Tests.Import;

namespace Sim.Explorer.Tests.Sweeps;

public class SpGemmSweepTests
{
    private static string Spec(string matrices = "[m/sherman4.mtx, m/delaunay_n10.mtx]", string extra = "", string dataflows = "[inner, outer, rowwise]",
        string merges = "[hash, dense, merger]", string name = "tiny", string tile = "") => $$"""
        spgemm:
          name: {{name}}
          tile: {kind: sparse, pes: 4, accumulator_entries: 1050, cache_kb: 16{{tile}}}
          matrices: {{matrices}}
          dataflows: {{dataflows}}
          merges: {{merges}}
        {{extra}}
        """;

    private static string WriteSpec(TempDirectory dir, string spec)
    {
        foreach (var name in new[] { "sherman4", "delaunay_n10" })
            File.Copy(Path.Combine(RepoPaths.Workloads, "matrices", name + ".mtx"), dir.File(Path.Combine("m", name + ".mtx")).EnsureDirectory(), overwrite: true);
        return dir.Write("spgemm.yaml", spec);
    }

    [Fact]
    public void Sweep_writes_one_row_per_matrix_and_dataflow_and_is_deterministic()
    {
        using var dir = new TempDirectory();
        var spec = WriteSpec(dir, Spec());
        var (code, output, _) = CliRunner.Run("sweep", spec, "-o", dir.File("out1"));
        Assert.Equal(0, code);
        Assert.Contains("10 points", output, StringComparison.Ordinal);
        var rows = ResultsCsv.Read<SpGemmRow>(dir.File("out1/points.csv"));
        Assert.Equal(10, rows.Count);
        Assert.Equal(["inner", "outer", "rowwise-hash", "rowwise-dense", "rowwise-merger"], rows.Take(5).Select(r => r.Label));
        Assert.Equal(20_046, rows[0].Multiplies); // sherman4, SOURCES.md
        Assert.Equal(10_346, rows[0].NnzC);
        // sherman4 is 1104 wide: a 1050-entry dense SPA cannot hold a row; delaunay_n10 (1024) fits.
        Assert.Equal("infeasible", rows[3].Status);
        Assert.Equal("ok", rows[8].Status);
        foreach (var plot in new[] { "spgemm_cycles", "spgemm_dram_traffic", "spgemm_rowwise_b_cache" })
            Assert.True(new FileInfo(dir.File($"out1/{plot}.png")).Length > 1000, plot);

        Assert.Equal(0, CliRunner.Run("sweep", spec, "-o", dir.File("out2"), "--resume").ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("out1/points.csv")), File.ReadAllBytes(dir.File("out2/points.csv")));
    }

    [Theory]
    [InlineData("[m/nope.mtx]", "", "spgemm.yaml:4:14: field 'spgemm.matrices'")]
    [InlineData("[m/sherman4.yaml]", "", "'m/sherman4.yaml' is not a Matrix Market file")]
    [InlineData("[m/sherman4.mtx]", "other: 1", "field 'other': unknown key")]
    public void Bad_specs_name_the_field(string matrices, string extra, string expected)
    {
        using var dir = new TempDirectory();
        var spec = WriteSpec(dir, Spec(matrices, extra));
        var e = Assert.Throws<SimInputException>(() => SpGemmSweepSpec.Read(InputFile.Read(spec)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merges_without_rowwise_duplicates_and_bad_names_are_errors()
    {
        using var dir = new TempDirectory();
        string Error(string spec) =>
            Assert.Throws<SimInputException>(() => SpGemmSweepSpec.Read(InputFile.Read(WriteSpec(dir, spec)))).Message;
        Assert.Contains("spgemm.yaml:6:11: field 'spgemm.merges': merges apply to the rowwise dataflow, which 'dataflows' does not list",
            Error(Spec(dataflows: "[inner, outer]")), StringComparison.Ordinal);
        Assert.Contains("field 'spgemm.merges': a merge structure is listed twice", Error(Spec(merges: "[hash, merger, hash]")), StringComparison.Ordinal);
        Assert.Contains("field 'spgemm.dataflows': a dataflow is listed twice", Error(Spec(dataflows: "[outer, outer]")), StringComparison.Ordinal);
        Assert.Contains("spgemm.yaml:4:30: field 'spgemm.matrices': 'm/sherman4.mtx' repeats matrix 'sherman4' (listed on line 4)",
            Error(Spec(matrices: "[m/sherman4.mtx, m/sherman4.mtx]")), StringComparison.Ordinal);
        Assert.Contains("field 'spgemm.name': 'my sweep' cannot name an output folder", Error(Spec(name: "my sweep")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_vanishing_bandwidth_exits_2_instead_of_saturating()
    {
        using var dir = new TempDirectory();
        var spec = WriteSpec(dir, Spec(matrices: "[m/sherman4.mtx]", tile: ", dram_bytes_per_cycle: 1e-300"));
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("does not fit 64-bit cycle or byte counters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_dataflow_in_spec_exits_2()
    {
        using var dir = new TempDirectory();
        var spec = WriteSpec(dir, Spec().Replace("[inner, outer, rowwise]", "[inner, sideways]", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("sweep", spec, "-o", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("'sideways' is not a dataflow. Fix: use inner, outer or rowwise", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_spec_reads()
    {
        var spec = SpGemmSweepSpec.Read(InputFile.Read(Path.Combine(RepoPaths.Workloads, "sweeps", "spgemm.yaml")));
        Assert.Equal(11, spec.Matrices.Count);
        Assert.Equal(5, spec.Variants.Count());
        Assert.Equal(Core.Hardware.SparseTileSpec.Gamma, spec.Tile);
    }
}

internal static class PathExtensions
{
    public static string EnsureDirectory(this string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return file;
    }
}
