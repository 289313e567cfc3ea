using Sim.Core.Workloads;
using Sim.Mapping.Graph;

namespace Sim.Mapping.Network;

/// <summary>A whole network mapped: per-op schedules (layer 1), the tensor graph with the option menus they imply, and
/// its allocation by the CP-SAT allocator and by the greedy arena + Belady baseline on the same budget and order rule.</summary>
public sealed record NetworkMapResult(
    Workload Workload,
    IReadOnlyList<MappedOp> Ops,
    TensorGraph Graph,
    GraphBudgets Budgets,
    GraphAllocation Allocation,
    GraphAllocation Baseline);
