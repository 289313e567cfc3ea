using System.Diagnostics;
using Sim.Arch;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;

namespace Sim.Explorer.Bench;

/// <summary>Speed of one simulator on the suite: layers and simulated cycles per wall-clock second.</summary>
public sealed record BenchMeasurement(string Name, long Layers, long SimulatedCycles, double WallSeconds)
{
    public double LayersPerSecond => Layers / WallSeconds;

    public double SimulatedCyclesPerSecond => SimulatedCycles / WallSeconds;
}

/// <summary>
/// Times the analytical systolic model (compute + SRAM + DRAM stalls) against the cycle-stepped trace model — a
/// SCALE-Sim-style per-cycle walk — in the same run, over the same layers, so their ratio holds on any machine.
/// </summary>
public static class BenchRunner
{
    public static BenchMeasurement Analytical(IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, double minSeconds)
    {
        ArgumentNullException.ThrowIfNull(cases);
        RunAnalytical(cases, 1); // JIT warm-up
        long layers = 0, cycles = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            cycles += RunAnalytical(cases, 1);
            layers += cases.Count;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        return new BenchMeasurement("analytical", layers, cycles, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The trace model is far slower: it runs layers in suite order until <paramref name="budgetSeconds"/> is spent.</summary>
    public static BenchMeasurement Trace(IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, double budgetSeconds)
    {
        ArgumentNullException.ThrowIfNull(cases);
        SystolicTraceModel.Run(new(8, 8, 8), new SystolicSpec(4, 4, Dataflow.Os), SimMode.Default); // JIT warm-up
        long layers = 0, cycles = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (gemm, arch) in cases)
        {
            cycles += SystolicTraceModel.Run(gemm, (SystolicSpec)arch.Tile, SimMode.Default).Cycles;
            layers++;
            if (clock.Elapsed.TotalSeconds >= budgetSeconds)
                break;
        }

        return new BenchMeasurement("cycle-stepped trace", layers, cycles, clock.Elapsed.TotalSeconds);
    }

    private static long RunAnalytical(IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, int repeat)
    {
        long cycles = 0;
        for (var r = 0; r < repeat; r++)
        {
            foreach (var (gemm, arch) in cases)
                cycles += TileModels.For(arch.Tile).Evaluate("bench", gemm, arch, SimMode.Default).TotalCycles;
        }

        return cycles;
    }
}
