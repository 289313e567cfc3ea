using Sim.Arch.Native;
using Sim.Explorer.Results;
using Sim.Explorer.Tests.Cli;
using Sim.Explorer.Verify;

namespace Sim.Explorer.Tests.Verify;

/// <summary>sim verify's flags: --target, --csv, --quick, --matrices.</summary>
public class VerifyCommandTests
{
    private static readonly HashSet<NativeKernel> s_all = [.. Enum.GetValues<NativeKernel>()];

    [Fact]
    public void An_unknown_target_exits_2_naming_the_valid_ones()
    {
        using var cpu = new FakeTarget("cpu", s_all);
        var source = VerifyCli.Source(NativeTargetProbe.Found(cpu), NativeTargetProbe.Missing("gpu", "no driver"));
        var (code, _, error) = VerifyCli.Run(source, "--quick", "--target", "cpu", "--target", "tpu");
        Assert.Equal(2, code);
        Assert.Contains("--target: no native target named 'tpu'. Fix: use one of: cpu, gpu", error, StringComparison.Ordinal);
        Assert.Equal(0, cpu.Runs);
    }

    [Fact]
    public void An_unknown_target_against_the_real_registry_exits_2()
    {
        var (code, _, error) = CliRunner.Run("verify", "--quick", "--target", "no-such-target");
        Assert.Equal(2, code);
        Assert.Contains("--target: no native target named 'no-such-target'. Fix: use one of: ", error, StringComparison.Ordinal);
        Assert.All(NativeTargets.Names, name => Assert.Contains(name, error, StringComparison.Ordinal));
    }

    [Fact]
    public void Target_restricts_the_native_targets_probed_and_run()
    {
        using var a = new FakeTarget("a", s_all);
        using var b = new FakeTarget("b", s_all);
        var (code, output, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Found(a), NativeTargetProbe.Found(b)), "--quick", "--target", "b");
        Assert.True(code == 0, error);
        Assert.Equal(0, a.Runs);
        Assert.True(b.Runs > 0);
        Assert.Contains("0 mismatches, targets: b", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_holds_the_table_rows_with_their_status()
    {
        using var dir = new TempDirectory();
        var csv = dir.File("verify.csv");
        var (code, output, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Missing("gpu", "no driver")), "--quick", "--csv", csv);
        Assert.True(code == 0, error);
        var rows = ResultsCsv.Read<VerifyRow>(csv);
        Assert.Equal("case,path,target,max_abs_error,bound,worst_err_over_bound,status,note", File.ReadLines(csv).First());
        Assert.Equal(("-", "native", "gpu", "unavailable", "no driver"), (rows[0].Case, rows[0].Path, rows[0].Target, rows[0].Status, rows[0].Note));
        Assert.Null(rows[0].MaxAbsError);
        Assert.All(rows.Skip(1), r => Assert.Equal("ok", r.Status));
        Assert.Contains($"{rows.Count - 1} checks, 0 mismatches", output, StringComparison.Ordinal);
        var again = dir.File("again.csv");
        VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Missing("gpu", "no driver")), "--quick", "--csv", again);
        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(again)); // deterministic operands, deterministic table
    }

    [Fact]
    public void Quick_is_a_strict_subset_of_the_full_suite_by_case_name()
    {
        var quick = VerifySuite.Build(quick: true, VerifyCli.Matrices).Select(c => c.Name).ToList();
        var full = VerifySuite.Build(quick: false, VerifyCli.Matrices).Select(c => c.Name).ToList();
        Assert.True(quick.Count < full.Count);
        Assert.Equal(11, full.Count(n => n.StartsWith("spgemm ", StringComparison.Ordinal))); // every shipped matrix
        Assert.All(quick.Where(n => n.StartsWith("gemm", StringComparison.Ordinal)), n => Assert.Contains(n, full));
    }

    [Fact]
    public void A_missing_matrices_folder_exits_2_with_a_fix()
    {
        var (code, _, error) = CliRunner.Run("verify", "--quick", "--matrices", "/no/such/folder");
        Assert.Equal(2, code);
        Assert.Contains("Fix: run from the repository root", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrices_folder_without_mtx_files_exits_2_naming_the_folder()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("notes.txt"), "not a matrix");
        foreach (var quick in new[] { true, false })
        {
            using var cpu = new FakeTarget("cpu", s_all);
            string[] args = quick ? ["--quick", "--matrices", dir.Path] : ["--matrices", dir.Path];
            var (code, _, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Found(cpu)), args);
            Assert.Equal(2, code);
            var what = quick ? "lacks sherman4.mtx or delaunay_n10.mtx (the --quick matrices)" : "has no .mtx file";
            Assert.Contains($"--matrices: folder '{Path.GetFullPath(dir.Path)}' {what}. ", error, StringComparison.Ordinal);
            Assert.Contains("Fix: run from the repository root or pass --matrices workloads/matrices", error, StringComparison.Ordinal);
            Assert.Equal(0, cpu.Runs);
            Assert.True(cpu.Disposed);
        }
    }

    [Fact]
    public void An_unwritable_csv_path_exits_2_before_the_suite_runs()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("file", "not a folder");
        // Through the real CLI (SimCli maps the IOException to exit 2).
        var (code, output, error) = CliRunner.Run("verify", "--quick", "--matrices", VerifyCli.Matrices, "--csv", Path.Combine(file, "v.csv"));
        Assert.Equal(2, code);
        Assert.DoesNotContain("checks,", output, StringComparison.Ordinal);
        Assert.NotEqual("", error);
    }
}
