using Sim.Arch.Folding;
using Sim.Arch.Memory;
using Sim.Core.Hardware;
using Sim.Core.Results;
using Sim.Core.Workloads;

namespace Sim.Arch.Cube3D;

/// <summary>L0C accumulator accesses in words (one word per output element per access).</summary>
public readonly record struct Cube3DAccumulatorWords(long Reads, long Writes);

/// <summary>
/// Cycle and traffic model of an M0×K0×N0 cube (Ascend DaVinci-like); the mapping and timing are derived in
/// <see cref="Cube3DTiming"/>. Compute cycles, SRAM and L0C counts are closed forms; DRAM traffic and stalls come from
/// <see cref="FoldTraffic"/> over the M0×N0 OS grid. <see cref="SimMode"/> does not change anything: SCALE-Sim has no
/// cube, so there is no convention to reproduce; the mode is accepted so every tile kind has one signature.
/// </summary>
public sealed class Cube3DModel : ITileModel
{
    /// <summary>L0C holds 32-bit partial sums (int32 for int8 operands, fp32 for fp16/fp32).</summary>
    public const int AccumulatorWordBytes = 4;

    public string Kind => Cube3DSpec.KindName;

    public OpResult Evaluate(string opName, GemmShape gemm, ArchSpec arch, SimMode mode)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (arch.Tile is not Cube3DSpec spec)
            throw new ArgumentException($"arch '{arch.Name}' has a '{arch.Tile.Kind}' tile, not a cube", nameof(arch));
        FoldResult.Validate(opName, gemm);
        var g = Cube3DTiming.Geometry(gemm, spec);
        var computeCycles = Cube3DTiming.ComputeCycles(g, Cube3DTiming.PipelineDepthCycles(spec));
        // Each fold's DRAM window is its own period: its active rows set its drain, its columns nothing.
        var dram = FoldTraffic.Compute(g, gemm, arch, PartialSumWidth.Bytes(arch, SimMode.Default), (rows, _) => Cube3DTiming.FoldPeriodCycles(g.StreamDim, rows));
        var sram = SramWords(g, gemm);
        var l0c = AccumulatorWords(g, gemm);
        return FoldResult.Build(opName, gemm, spec.PeCount, computeCycles, g.Folds, MappingEfficiency(g, gemm, spec), sram, dram, checked(AccumulatorWordBytes * (l0c.Reads + l0c.Writes)));
    }

    /// <summary>
    /// Share of the cube's M0·K0·N0 MAC slots that issued steps use: MACs / (PEs × folds × kSteps). Unlike the 2D
    /// grids' figure it also counts the K0 lanes a last, partial K step leaves idle.
    /// </summary>
    public static double MappingEfficiency(FoldGeometry g, GemmShape gemm, Cube3DSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return gemm.Macs / ((double)spec.PeCount * g.Folds * g.StreamDim);
    }

    /// <summary>
    /// Each step reads its active A block (rows × K0) and B block (K0 × cols) once and broadcasts them across the cube,
    /// so a fold reads its A rows' K elements and its B columns' K elements once: A is re-read for every column fold,
    /// B for every row fold. Each output is written once, when its block drains; L0C, not the ofmap buffer, holds the
    /// partial sums, so no ofmap reads.
    /// </summary>
    public static SramWords SramWords(FoldGeometry g, GemmShape gemm) =>
        checked(new(g.ColFolds * gemm.M * gemm.K, g.RowFolds * gemm.K * gemm.N, gemm.M * gemm.N, 0));

    /// <summary>
    /// Every step writes each active output's running sum and every step but a fold's first reads it back; the drain
    /// reads each finished output once more on its way to the ofmap buffer: M·N·(k − 1) + M·N = M·N·k reads.
    /// </summary>
    public static Cube3DAccumulatorWords AccumulatorWords(FoldGeometry g, GemmShape gemm) =>
        checked(new(gemm.M * gemm.N * g.StreamDim, gemm.M * gemm.N * g.StreamDim));
}
