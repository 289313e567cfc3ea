using System.Reflection;
using Sim.Arch.Systolic;
using Sim.Explorer.Verify;

namespace Sim.Explorer.Tests.Verify;

/// <summary>The suite runs every functional executor the simulator has, so a new one cannot be forgotten silently.</summary>
public class VerifySuiteTests
{
    private static readonly IReadOnlyList<IVerifyCase> s_full = VerifySuite.Build(quick: false, VerifyCli.Matrices);

    [Fact]
    public void The_full_suite_runs_exactly_these_simulated_paths()
    {
        string[] expected =
        [
            "systolic 8x8 os", "systolic 8x8 ws", "systolic 8x8 is", "cube 4x8x4", "addertree 8x8", "matrix2d 8x8",
            "attention unfused", "attention two-pass", "attention fused 7x5",
            "pim gemv neupims", "pim decode attention neupims",
            "spgemm inner", "spgemm outer", "spgemm rowwise hash", "spgemm rowwise dense", "spgemm rowwise merger",
        ];
        Assert.Equal(expected, s_full.SelectMany(c => c.Paths).Select(p => p.Name).Distinct());
    }

    [Fact]
    public void Every_public_executor_in_Sim_Arch_is_exercised()
    {
        // Any public type named *Executor in Sim.Arch (a tile kind's functional path) must appear in some path.
        var executors = typeof(SystolicExecutor).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Executor", StringComparison.Ordinal))
            .Select(t => t.FullName).Order().ToList();
        var covered = s_full.SelectMany(c => c.Paths).SelectMany(p => p.Executors).Select(t => t.FullName).ToHashSet();
        var missing = executors.Where(e => !covered.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"executors not in the verify suite: {string.Join(", ", missing)}");
        Assert.Equal(11, executors.Count); // systolic, cube, adder tree, matrix2d, 2 PIM, attention + two-pass, 3 SpGEMM
    }

    [Fact]
    public void Gemm_shapes_cover_the_degenerate_the_odd_the_fold_edges_and_a_large_one()
    {
        var shapes = s_full.OfType<GemmCase>().Where(g => !g.Int8).Select(g => (g.M, g.N, g.K)).ToList();
        Assert.Contains((1, 1, 1), shapes);
        Assert.Contains((7, 13, 5), shapes);
        Assert.Contains((33, 17, 65), shapes);
        Assert.Contains(shapes, s => s.M == 8 && s.N == 8); // exactly one 8×8 fold
        Assert.Contains(shapes, s => s.M == 9); // one row past a fold edge
        Assert.Contains(shapes, s => s.M >= 128 && s.N >= 128 && s.K > 64);
        var simulated = s_full.OfType<GemmCase>().Where(g => !g.NativeOnly);
        Assert.Equal(simulated.Where(g => !g.Int8).Select(g => (g.M, g.N, g.K)), simulated.Where(g => g.Int8).Select(g => (g.M, g.N, g.K)));
    }

    [Fact]
    public void Native_only_gemms_cross_every_cpu_cache_block_on_both_vector_paths()
    {
        var native = s_full.OfType<GemmCase>().Where(g => g.NativeOnly).ToList();
        Assert.All(native, g => Assert.Empty(g.Paths));
        foreach (var isa in new[] { Sim.Arch.Native.Cpu.CpuIsa.Vector256, Sim.Arch.Native.Cpu.CpuIsa.Vector512 })
        {
            var blocking = Sim.Arch.Native.Cpu.SgemmBlocking.For(isa, threads: 2);
            var fp32 = native.Where(g => !g.Int8).ToList();
            Assert.Contains(fp32, g => g.K > blocking.BlockK);
            Assert.Contains(fp32, g => g.N > blocking.BlockN);
            Assert.Contains(fp32, g => SgemmRowsOfFirstThread(g.M, blocking) > blocking.BlockM);
        }

        Assert.Contains(native, g => g.Int8);
    }

    private static int SgemmRowsOfFirstThread(int m, Sim.Arch.Native.NativeGemmBlocking blocking)
    {
        var (start, end) = Sim.Arch.Native.Cpu.SgemmBlocking.ThreadRows(m, blocking.TileM, blocking.Units, 0);
        return end - start;
    }

    [Fact]
    public void Operands_are_deterministic_per_case_and_seed()
    {
        Assert.Equal(VerifyOperands.Floats(VerifyOperands.For("x", 7), 5), VerifyOperands.Floats(VerifyOperands.For("x", 7), 5));
        Assert.NotEqual(VerifyOperands.Floats(VerifyOperands.For("x", 7), 5), VerifyOperands.Floats(VerifyOperands.For("y", 7), 5));
        Assert.NotEqual(VerifyOperands.Floats(VerifyOperands.For("x", 7), 5), VerifyOperands.Floats(VerifyOperands.For("x", 8), 5));
        var int8 = VerifyOperands.Int8(new Random(1), 4096);
        Assert.Contains((sbyte)-128, int8);
        Assert.Contains((sbyte)127, int8);
    }
}
