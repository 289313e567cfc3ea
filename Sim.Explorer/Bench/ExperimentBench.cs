using System.Diagnostics;
using Sim.Arch.Attention;
using Sim.Arch.Memory.Dram;
using Sim.Arch.NpuPim;
using Sim.Arch.Pim;
using Sim.Arch.Sparse;
using Sim.Core.Hardware;
using Sim.Core.Sparse;
using Sim.Core.Workloads;
using Sim.Core.Workloads.Llm;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Bench;

/// <summary>
/// Speed of the attention, SpGEMM, PIM, DRAM and NPU+PIM models. SpGEMM is timed against its own functional row-wise
/// execution in the same run: a trace-driven SpGEMM simulator has to at least form every partial product, which the
/// model's exact counting also does (symbolically), so the ratio says what the counting costs over that floor. The PIM
/// GEMV closed form is timed against replaying its command stream on the command-level DRAM timeline (what a
/// cycle-level PIM simulator does). Inputs are built here (a seeded random matrix, fixed shapes) so the bench needs no files.
/// </summary>
public static class ExperimentBench
{
    /// <summary>A 4096×4096 matrix with 16 entries per row at seeded random columns (F ≈ 1 M partial products for A·A).</summary>
    public static SpGemm RandomSpGemm()
    {
        const int n = 4096, perRow = 16;
        var random = new Random(5);
        var pointers = new int[n + 1];
        var columns = new List<int>(n * perRow);
        for (var i = 0; i < n; i++)
        {
            var row = new SortedSet<int>();
            while (row.Count < perRow)
                row.Add(random.Next(n));
            columns.AddRange(row);
            pointers[i + 1] = columns.Count;
        }

        var a = new CsrMatrix(n, n, pointers, [.. columns], [.. columns.Select((_, p) => 1.0 + (p % 7))]);
        return new SpGemm("bench", a, "A", a, "A");
    }

    /// <summary>The exact structure plus all five dataflow variants' cost models, per evaluation.</summary>
    public static BenchMeasurement SpGemmModels(SpGemm gemm, double minSeconds) => Timed("spgemm model (structure + 5 dataflows)", minSeconds, () =>
    {
        var structure = SpGemmStructure.Of(gemm);
        var tile = SparseTileSpec.Gamma;
        long cycles = SpGemmModel.Evaluate(structure, tile, SpGemmDataflow.Inner).Cycles
            + SpGemmModel.Evaluate(structure, tile, SpGemmDataflow.Outer).Cycles;
        foreach (var merge in new[] { SpGemmMerge.Hash, SpGemmMerge.Dense, SpGemmMerge.Merger })
            cycles += SpGemmModel.Evaluate(structure, tile, SpGemmDataflow.RowWise, merge).Cycles;
        return cycles;
    });

    /// <summary>The baseline: computing C functionally (row-wise, hash accumulator), per evaluation.</summary>
    public static BenchMeasurement SpGemmExecution(SpGemm gemm, double minSeconds) =>
        Timed("spgemm functional row-wise (baseline)", minSeconds, () => SpGemmModel.Execute(gemm, SpGemmDataflow.RowWise).Nnz);

    /// <summary>BERT-base attention at 4K tokens under all three lowerings (the fused one searching its block) on a 128×128 array.</summary>
    public static BenchMeasurement AttentionModels(double minSeconds)
    {
        var arch = new ArchSpec("bench", new SystolicSpec(128, 128, Dataflow.Os), new ScratchpadSpec(512, 512, 512), new DramSpec(128, 0), 1.0, 2);
        var attention = new AttentionOp("bert", 1, 12, 12, 4096, 4096, 64, false);
        return Timed("attention model (3 lowerings, BERT 4K)", minSeconds,
            () => AttentionLoweringNames.All.Sum(l => AttentionModel.Evaluate(attention, arch, l).TotalCycles));
    }

    /// <summary>GPT-3 7B TP4 q·Kᵀ at KV 1024 on one NeuPIMs channel (64 tiles, ~2,900 commands).</summary>
    public static PimGemvLayout PimGemv() =>
        PimGemvLayout.Create(PimPresets.NeuPims, DramPresets.NeuPimsHbm2, PimDecodeAttention.QkShape(1024, 8, 128), 1);

    public static BenchMeasurement PimGemvClosedForm(PimGemvLayout layout, double minSeconds) =>
        Timed("pim gemv closed form (GPT-3 qK, KV 1024)", minSeconds, () => PimGemvTiming.Estimate(layout).Cycles);

    public static BenchMeasurement PimGemvReplayed(PimGemvLayout layout, double minSeconds) =>
        Timed("pim gemv on the DRAM command timeline (baseline)", minSeconds, () => PimGemvReplay.Cycles(layout));

    /// <summary>A 1 MiB sequential read stream (16,384 bursts of 64 B) through the open-page controller on NeuPIMs' HBM2.</summary>
    public static BenchMeasurement DramStream(double minSeconds)
    {
        var requests = Enumerable.Range(0, 16_384).Select(i => new DramRequest(64L * i, false)).ToArray();
        return Timed("dram request simulator (1 MiB sequential)", minSeconds,
            () => DramRequestSimulator.Run(DramPresets.NeuPimsHbm2, requests).TotalCycles);
    }

    /// <summary>One GPT-3 7B TP4 decode layer, B = 512 ShareGPT-like, in all three modes with our PIM cost built afresh.</summary>
    public static BenchMeasurement NpuPimDecode(double minSeconds)
    {
        var batch = DecodeBatch.Sampled(512, KvLengthDistribution.ShareGptLike, 1);
        var system = NpuPimSystem.NeuPims;
        var model = LlmPresets.Gpt3Of7B;
        return Timed("npu+pim decode layer (3 modes, GPT-3 7B, B 512)", minSeconds, () =>
        {
            var cost = PimModelMhaCost.For(model, system);
            return new[] { NpuPimMode.NpuOnly, NpuPimMode.Blocked, NpuPimMode.NeuPims }
                .Sum(mode => NpuPimModel.DecodeLayer(system, model, batch, mode, cost).ModelCycles);
        });
    }

    /// <summary>Evaluations per second; <see cref="BenchMeasurement.Layers"/> counts evaluations here.</summary>
    private static BenchMeasurement Timed(string name, double minSeconds, Func<long> evaluate)
    {
        evaluate(); // JIT warm-up
        long evaluations = 0, cycles = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            cycles += evaluate();
            evaluations++;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        return new BenchMeasurement(name, evaluations, cycles, clock.Elapsed.TotalSeconds);
    }
}
