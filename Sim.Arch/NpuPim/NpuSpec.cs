namespace Sim.Arch.NpuPim;

/// <summary>
/// The NPU of an NPU+PIM device: <see cref="Arrays"/> weight-stationary systolic arrays of
/// <see cref="ArrayRows"/>×<see cref="ArrayCols"/> MACs and <see cref="VectorUnits"/> vector units of
/// <see cref="VectorLanes"/> lanes, at <see cref="ClockGhz"/>. All NPU times are in cycles of this clock.
/// </summary>
/// <param name="ScratchpadBytes">Operand scratchpad (NeuPIMs spad_size).</param>
/// <param name="AccumulatorBytes">Accumulator scratchpad (NeuPIMs accum_spad_size).</param>
/// <param name="ElementBytes">Operand width (2 = FP16).</param>
/// <param name="Latencies">Per-op latencies of the vector units.</param>
public sealed record NpuSpec(
    int Arrays,
    int ArrayRows,
    int ArrayCols,
    int VectorUnits,
    int VectorLanes,
    long ScratchpadBytes,
    long AccumulatorBytes,
    double ClockGhz,
    int ElementBytes,
    NpuVectorLatencies Latencies)
{
    /// <summary>
    /// NeuPIMs' NPU, configs/systolic_ws_128x128_dev.json (../shared/research/pim-sparse-attn.md §A.1.1): 8 arrays of
    /// 128×128, 8 vector units of 128 lanes, 1 GHz, FP16, 1 MB + 1 MB scratchpads, every vector latency 1 cycle.
    /// Peak 8·128·128·2·1 GHz = 262 TFLOPS.
    /// </summary>
    public static NpuSpec NeuPims { get; } = new(8, 128, 128, 8, 128, 1L << 20, 1L << 20, 1.0, 2, NpuVectorLatencies.AllOne);

    public long Macs => (long)Arrays * ArrayRows * ArrayCols;

    /// <summary>Null when valid, otherwise "field: problem. Fix: ...".</summary>
    public string? Problem()
    {
        (string Field, long Value)[] positives =
        [
            ("arrays", Arrays), ("array_rows", ArrayRows), ("array_cols", ArrayCols), ("vector_units", VectorUnits),
            ("vector_lanes", VectorLanes), ("element_bytes", ElementBytes),
        ];
        foreach (var (field, value) in positives)
        {
            if (value < 1)
                return $"{field}: {value} must be at least 1. Fix: give a positive integer";
        }

        if (VectorLanes < 2)
            return $"vector_lanes: {VectorLanes} lane cannot reduce a row (its add tree never shrinks). Fix: give at least 2 lanes (NeuPIMs: 128)";
        return ClockGhz > 0 ? null : $"clock_ghz: {ClockGhz} must be positive. Fix: give the NPU clock in GHz";
    }
}

/// <summary>Vector-unit latencies in cycles (NeuPIMs' add/mul/exp/gelu/add_tree/scalar latencies; all 1 in its config).</summary>
public sealed record NpuVectorLatencies(int Add, int Mul, int Exp, int Gelu, int AddTree, int ScalarMul, int ScalarSqrt)
{
    public static NpuVectorLatencies AllOne { get; } = new(1, 1, 1, 1, 1, 1, 1);
}
