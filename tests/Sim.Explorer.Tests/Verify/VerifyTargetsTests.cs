using Sim.Arch.Native;
using Sim.Explorer.Verify;

namespace Sim.Explorer.Tests.Verify;

/// <summary>Native targets in verify: a wrong element fails the run, an absent target is listed and is not a failure.</summary>
public class VerifyTargetsTests
{
    private static readonly HashSet<NativeKernel> s_all = [.. Enum.GetValues<NativeKernel>()];

    [Fact]
    public void A_target_returning_one_wrong_element_exits_1_with_its_rows_marked()
    {
        using var bad = new FakeTarget("bad", s_all) { CorruptIndex = 0, CorruptBy = 1f };
        using var good = new FakeTarget("good", s_all);
        var (code, output, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Found(good), NativeTargetProbe.Found(bad)), "--quick");
        Assert.True(code == 1, error);
        var rows = output.Split('\n');
        // Every fp32 GEMM the bad target ran (the GEMV too: N = 1) is marked; its int8 GEMMs and the good target's rows are not.
        var badGemmRows = rows.Where(r => r.Contains("native gemm fp32", StringComparison.Ordinal) && r.Contains("│ bad ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(badGemmRows);
        Assert.All(badGemmRows, r => Assert.Contains("MISMATCH", r, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("│ good ", StringComparison.Ordinal) && r.Contains("MISMATCH", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("gemm int8", StringComparison.Ordinal) && r.Contains("MISMATCH", StringComparison.Ordinal));
        Assert.Equal(4, badGemmRows.Count); // 3 quick GEMM shapes + the GEMV
        Assert.Contains("4 mismatches, targets: good, bad", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_whose_second_run_differs_from_its_first_is_a_mismatch()
    {
        // int8 GEMM results double on the second run (accumulation into a stale output); nothing else is wrong.
        using var stale = new FakeTarget("stale", s_all) { Accumulates = true };
        var report = VerifyRunner.Run(VerifySuite.Build(quick: true, VerifyCli.Matrices), [NativeTargetProbe.Found(stale)]);
        var int8Rows = report.Rows.Where(r => r.Target == "stale" && r.Path == "native gemm int8").ToList();
        Assert.NotEmpty(int8Rows);
        Assert.All(int8Rows, r => Assert.Equal(VerifyStatus.Mismatch, r.Status));
        Assert.DoesNotContain(report.Rows, r => r.Path != "native gemm int8" && r.Status == VerifyStatus.Mismatch);
    }

    [Fact]
    public void When_every_requested_target_is_unavailable_the_table_is_printed_and_the_exit_code_is_3()
    {
        var source = VerifyCli.Source(NativeTargetProbe.Missing("gpu", "no CUDA driver"), NativeTargetProbe.Missing("tpu", "not here"));
        var (code, output, error) = VerifyCli.Run(source, "--quick", "--target", "gpu");
        Assert.True(code == 3, error);
        Assert.Contains(output.Split('\n'), r => r.Contains("│ gpu ", StringComparison.Ordinal) && r.Contains("unavailable", StringComparison.Ordinal));
        Assert.Contains("0 mismatches, targets: none; unavailable: gpu (no CUDA driver)", output, StringComparison.Ordinal);

        // One requested target found: 0. Nothing requested (every target tried): 0 even with none found.
        using var cpu = new FakeTarget("cpu", s_all);
        var mixed = VerifyCli.Source(NativeTargetProbe.Found(cpu), NativeTargetProbe.Missing("gpu", "no CUDA driver"));
        Assert.Equal(0, VerifyCli.Run(mixed, "--quick", "--target", "gpu", "--target", "cpu").ExitCode);
        Assert.Equal(0, VerifyCli.Run(source, "--quick").ExitCode);
    }

    [Fact]
    public void A_correct_target_runs_every_kernel_it_supports_and_passes()
    {
        using var target = new FakeTarget("ref", s_all);
        var cases = VerifySuite.Build(quick: true, VerifyCli.Matrices);
        var report = VerifyRunner.Run(cases, [NativeTargetProbe.Found(target)]);
        Assert.Equal(0, report.Mismatches);
        Assert.Equal(0, report.Skipped);
        var native = report.Checks.Where(c => c.Target == "ref").ToList();
        Assert.Equal(target.Runs, 2 * native.Count); // every prepared run runs twice
        Assert.Equal(["native attention", "native gemm fp32", "native gemm int8", "native spgemm"], native.Select(c => c.Path).Distinct().Order());
    }

    [Fact]
    public void Kernels_a_target_does_not_support_are_skipped_and_counted_not_run()
    {
        using var gemmOnly = new FakeTarget("gemm-only", new HashSet<NativeKernel> { NativeKernel.GemmF32 });
        var report = VerifyRunner.Run(VerifySuite.Build(quick: true, VerifyCli.Matrices), [NativeTargetProbe.Found(gemmOnly)]);
        Assert.All(report.Rows.Where(r => r.Target == "gemm-only"), r => Assert.Equal("native gemm fp32", r.Path));
        Assert.True(report.Skipped > 0);
        Assert.Equal(2 * report.Rows.Count(r => r.Target == "gemm-only"), gemmOnly.Runs);
        Assert.Contains($"{report.Skipped} native runs skipped", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_target_is_listed_with_its_reason_and_is_not_a_failure()
    {
        var (code, output, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Missing("gpu", "no CUDA driver (libcuda.so not found)")), "--quick");
        Assert.True(code == 0, error);
        Assert.Contains(output.Split('\n'), r => r.Contains("│ gpu ", StringComparison.Ordinal) && r.Contains("unavailable", StringComparison.Ordinal)
            && r.Contains("no CUDA driver (libcuda.so not found)", StringComparison.Ordinal));
        Assert.Contains("0 mismatches, targets: none; unavailable: gpu (no CUDA driver (libcuda.so not found))", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_are_disposed_after_the_run()
    {
        var target = new FakeTarget("ref", s_all);
        var (code, _, error) = VerifyCli.Run(VerifyCli.Source(NativeTargetProbe.Found(target)), "--quick");
        Assert.True(code == 0, error);
        Assert.True(target.Disposed);
    }
}
