using Sim.Arch.LoopNest;
using Sim.Core.Hardware;
using Sim.Core.Mapping;
using Sim.Core.Workloads;
using Sim.Mapping.Graph;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>
/// Couples the per-op schedule (layer 1) to the graph allocator (layer 2): what the op's mapping needs in the
/// scratchpad besides its input and output tensors, and what DRAM traffic it adds that the tensor-level accounting does
/// not see. With its activations resident, the op reads inputs from the resident copy, so its working set is the
/// double-buffered weight and partial-sum tiles, and its extra traffic is the weight fetches (with refetches) and
/// partial-sum spills of its mapping. Streamed (its activations read from and written to DRAM tile by tile, for layers
/// whose tensors do not fit beside everything else), it needs all three double-buffered tiles, and the graph charges one
/// read per input tensor and one write per output; the option adds the weights, the partial sums and the input
/// refetches beyond that one read. Vector ops stream or stay resident (<see cref="VectorOptions"/>). Other ops without a
/// loop-nest mapping (attention, unmappable layers, opaque ops) are atomic and charged one read of their parameters
/// (weights; attention's K and V), so their traffic does not drop out of the total. An op of several instances (groups, batch entries) has one instance's mapping and cost: its
/// working set is one instance's tiles (instances run one after another), its extra traffic every instance's; the
/// graph's tensors already hold all instances' data.
/// </summary>
public static class LayerOptionMenu
{
    /// <param name="inputReadBytes">Bytes the graph charges the op's streamed read of each input (its operand share of
    /// each, in <see cref="TensorGraphBuilder"/>'s input order).</param>
    /// <param name="vectorLanes">The vector unit's lanes: a streamed vector op double-buffers one lane-wide tile per operand.</param>
    public static IReadOnlyList<OpOption> For(Op op, LayerMapResult? layer, LoopNestHierarchy hierarchy, IReadOnlyList<long> inputReadBytes, int vectorLanes)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(inputReadBytes);
        if (op is VectorOp vector)
            return VectorOptions(vector, hierarchy.WordBytes, vectorLanes);
        if (layer is not { Mapping: { } mapping, Cost: { Feasible: true } cost })
            return [new OpOption(layer is null ? "atomic (own model)" : "atomic (unmapped)", 0, checked(TensorGraphBuilder.ParameterWords(op) * hierarchy.WordBytes))];
        // A GEMM whose B is another op's output: the graph holds (or streams) B as a tensor, so B is no weight traffic here.
        var producedB = TensorGraphBuilder.ReadsProducedRightOperand(op);
        var operands = new OperandReads(producedB ? inputReadBytes[0] : inputReadBytes.Sum(), producedB ? inputReadBytes[1] : null);
        return [Resident(layer.Problem, mapping, cost, hierarchy, producedB), Streamed(layer.Problem, mapping, cost, hierarchy, operands)];
    }

    /// <summary>
    /// A vector op either works on resident tensors (no scratch beyond them) or streams: elementwise work, pools and
    /// row normalisations run tile by tile, so it then needs a double-buffered lane-wide tile per input and for the output
    /// (a row for softmax/layer norm, a window's rows for a pool — bounded here by the op's window). Either way its
    /// constants are read once.
    /// </summary>
    public static IReadOnlyList<OpOption> VectorOptions(VectorOp op, int wordBytes, int lanes)
    {
        ArgumentNullException.ThrowIfNull(op);
        var parameters = checked(op.ParameterElements * wordBytes);
        var operands = Math.Max(1, op.Inputs.Count) + 1;
        var tileElements = Math.Max(lanes, op.Window);
        var working = checked(2 * operands * tileElements * wordBytes);
        return [new OpOption("resident vector", 0, parameters), new OpOption("streamed vector", working, parameters, Streamed: true)];
    }

    /// <summary>What the graph charges a streamed op's reads: its left/input operand, and B when B is a produced tensor.</summary>
    public readonly record struct OperandReads(long InputBytes, long? ProducedWeightBytes);

    public static OpOption Streamed(LoopNestProblem problem, LoopNestMapping mapping, LoopNestCost cost, LoopNestHierarchy hierarchy, OperandReads reads)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var working = checked(2 * cost.ScratchpadTileBytes.Total);
        var refetch = Math.Max(0, checked((cost.DramReadBytes.Inputs * problem.Instances) - reads.InputBytes));
        var weights = checked(cost.DramReadBytes.Weights * problem.Instances);
        // A produced B is streamed by the graph once; only the schedule's refetches of it are extra.
        var weightExtra = reads.ProducedWeightBytes is { } b ? Math.Max(0, weights - b) : weights;
        var extra = checked(PartialSumBytes(problem, cost, hierarchy) + weightExtra + refetch);
        return new OpOption($"streamed {Dataflow(mapping)}", working, extra, Streamed: true);
    }

    /// <param name="producedB">B is another op's resident output, read in place: no weight traffic.</param>
    public static OpOption Resident(LoopNestProblem problem, LoopNestMapping mapping, LoopNestCost cost, LoopNestHierarchy hierarchy, bool producedB = false)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var working = checked(2 * (cost.ScratchpadTileBytes.Weights + cost.ScratchpadTileBytes.Outputs));
        var weights = producedB ? 0 : checked(cost.DramReadBytes.Weights * problem.Instances);
        return new OpOption($"resident {Dataflow(mapping)}", working, checked(PartialSumBytes(problem, cost, hierarchy) + weights));
    }

    /// <summary>Partial-sum spills and refills of every instance: DRAM traffic the tensor graph does not see.</summary>
    private static long PartialSumBytes(LoopNestProblem problem, LoopNestCost cost, LoopNestHierarchy hierarchy)
    {
        var finalOutputBytes = checked(problem.Size(DataSpace.Outputs) * hierarchy.WordBytes);
        return checked((cost.DramReadBytes.Outputs + (cost.DramWriteBytes.Outputs - finalOutputBytes)) * problem.Instances);
    }

    private static string Dataflow(LoopNestMapping mapping) => mapping.Stationary.ToDataflow().ToName();
}
