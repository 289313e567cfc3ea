using CsCheck;
using Sim.Arch.LoopNest;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using static Sim.Arch.Tests.LoopNest.LoopNestFixtures;

namespace Sim.Arch.Tests.LoopNest;

/// <summary>
/// The loop-nest model, given the schedule SCALE-Sim's folding implies, reproduces the systolic model's compute cycles
/// (default mode: SCALE-Sim's own count is one less) and operand SRAM reads — an independent model of the same array —
/// whenever the array divides the GEMM.
/// </summary>
public class ScaleSimEquivalenceTests
{
    /// <summary>OS: rows ← M, cols ← N, PEs stream K. WS: rows ← K, cols ← N, PEs stream M. IS: rows ← K, cols ← M,
    /// PEs stream N. The remaining folds are DRAM-level loops (the scratchpad then holds one array tile).</summary>
    private static LoopNestMapping ScaleSimSchedule(Dataflow dataflow, GemmShape g, int rows, int cols) => dataflow switch
    {
        Dataflow.Os => Mapping(DataSpace.Outputs, Gemm(k: g.K), Gemm(m: rows), Gemm(n: cols), DimVector.Ones, Gemm(m: g.M / rows, n: g.N / cols)),
        Dataflow.Ws => Mapping(DataSpace.Weights, Gemm(m: g.M), Gemm(k: rows), Gemm(n: cols), DimVector.Ones, Gemm(k: g.K / rows, n: g.N / cols)),
        _ => Mapping(DataSpace.Inputs, Gemm(n: g.N), Gemm(k: rows), Gemm(m: cols), DimVector.Ones, Gemm(k: g.K / rows, m: g.M / cols)),
    };

    [Fact]
    public void Compute_cycles_and_operand_reads_match_the_systolic_model()
    {
        Gen.Select(Gen.Int[1, 16], Gen.Int[1, 16], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Enum<Dataflow>())
            .Sample((rows, cols, a, b, c, dataflow) =>
            {
                // Multiples of the array along the dims each dataflow puts on it.
                var g = dataflow switch
                {
                    Dataflow.Os => new GemmShape(rows * a, cols * b, c * 3),
                    Dataflow.Ws => new GemmShape(a * 5, cols * b, rows * c),
                    _ => new GemmShape(cols * a, b * 7, rows * c),
                };
                var arch = ArchSpec.Default(new SystolicSpec(rows, cols, dataflow));
                var reference = new SystolicModel().Evaluate("g", g, arch, SimMode.Default);
                var cost = LoopNestModel.Evaluate(LoopNestProblem.FromGemm("g", g), LoopNestHierarchy.FromArch(arch), ScaleSimSchedule(dataflow, g, rows, cols));
                return cost.Feasible
                    && cost.ComputeCycles == reference.ComputeCycles
                    && cost.ScratchpadReadBytes.Inputs == reference.SramReadsIfmapWords
                    && cost.ScratchpadReadBytes.Weights == reference.SramReadsFilterWords;
            }, iter: 300);
    }
}
