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
    public static BenchMeasurement Analytical(IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, double minSeconds) =>
        Timed("analytical", cases, minSeconds, c => TileModels.For(c.Arch.Tile).Evaluate("bench", c.Gemm, c.Arch, SimMode.Default).TotalCycles);

    /// <summary>The full per-op path a sweep runs: the tile model plus the energy table (resolved per op here).</summary>
    public static BenchMeasurement WithEnergy(string name, IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, double minSeconds) =>
        Timed(name, cases, minSeconds, c => TileEvaluator.Evaluate("bench", c.Gemm, c.Arch, SimMode.Default).TotalCycles);

    private static BenchMeasurement Timed(string name, IReadOnlyList<(Core.Workloads.GemmShape Gemm, ArchSpec Arch)> cases, double minSeconds,
        Func<(Core.Workloads.GemmShape Gemm, ArchSpec Arch), long> evaluate)
    {
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var c in cases) evaluate(c); // JIT warm-up
        long layers = 0, cycles = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var c in cases)
                cycles += evaluate(c);
            layers += cases.Count;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);
        return new BenchMeasurement(name, layers, cycles, clock.Elapsed.TotalSeconds);
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
}
