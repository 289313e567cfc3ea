using Sim.Core.Workloads.Llm;

namespace Sim.Arch.NpuPim;

/// <summary>
/// Vector-unit cycles, NeuPIMs SystolicWS::get_vector_compute_cycles (§A.1.1): an instruction over n elements runs
/// iters = ⌈n/lanes⌉ lane-steps; reductions add the add-tree depth t(n) = 1 if n ≤ lanes, else ⌈n/lanes⌉ + t(⌈n/lanes⌉).
/// SOFTMAX = 2·t·add_tree + iters·(add + exp + mul); LAYERNORM = 2·t·add_tree + 2·scalar_mul + sqrt + iters·(2·add + 3·mul);
/// ADD = iters·add; GELU = iters·gelu. Ours: SiLU is costed as GELU (one activation per element) and the SwiGLU gate
/// multiply as MUL = iters·mul. Instructions go to the least-busy vector unit (NeuPIMs' issue rule).
/// </summary>
public static class NpuVectorCycles
{
    public static long Iterations(long elements, int lanes) => PipelinedWsTiming.CeilDiv(elements, lanes);

    public static long AddTreeIterations(long elements, int lanes)
    {
        // One lane never shrinks a reduction: NpuSpec.Problem rejects it, and this guard stops the recursion regardless.
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 2);
        if (elements <= lanes)
            return 1;
        var steps = PipelinedWsTiming.CeilDiv(elements, lanes);
        return steps + AddTreeIterations(steps, lanes);
    }

    /// <summary>Cycles of one instruction of <paramref name="kind"/> over <paramref name="elements"/> elements.</summary>
    public static long InstructionCycles(LlmVectorKind kind, long elements, NpuSpec npu)
    {
        ArgumentNullException.ThrowIfNull(npu);
        var lat = npu.Latencies;
        var iters = Iterations(elements, npu.VectorLanes);
        var tree = AddTreeIterations(elements, npu.VectorLanes);
        return kind switch
        {
            LlmVectorKind.Softmax => 2 * tree * lat.AddTree + iters * (lat.Add + lat.Exp + lat.Mul),
            LlmVectorKind.LayerNorm => 2 * tree * lat.AddTree + 2 * lat.ScalarMul + lat.ScalarSqrt + iters * (2 * lat.Add + 3 * lat.Mul),
            LlmVectorKind.Add => iters * lat.Add,
            LlmVectorKind.Mul => iters * lat.Mul,
            LlmVectorKind.Gelu or LlmVectorKind.Silu => iters * lat.Gelu,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>An op of equal rows: ⌈rows / units⌉ rounds of one instruction each.</summary>
    public static long OpCycles(LlmVectorOp op, NpuSpec npu)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(npu);
        return PipelinedWsTiming.CeilDiv(op.Rows, npu.VectorUnits) * InstructionCycles(op.Kind, op.RowLength, npu);
    }

    /// <summary>Instructions of the given cycles issued in order, each to the unit that frees first; the makespan.</summary>
    public static long ScheduleCycles(IEnumerable<long> instructionCycles, int units)
    {
        ArgumentNullException.ThrowIfNull(instructionCycles);
        var free = new PriorityQueue<int, long>();
        for (var u = 0; u < units; u++)
            free.Enqueue(u, 0);
        long makespan = 0;
        foreach (var cycles in instructionCycles)
        {
            free.TryDequeue(out var unit, out var at);
            var end = at + cycles;
            makespan = Math.Max(makespan, end);
            free.Enqueue(unit, end);
        }

        return makespan;
    }
}
