using Sim.Core.Workloads;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>One op of the network with its layer mapping (null for ops with their own model, e.g. attention) and
/// whether the mapping was reused from an identical layer mapped earlier.</summary>
public sealed record MappedOp(Op Op, LayerMapResult? Layer, bool Reused);
