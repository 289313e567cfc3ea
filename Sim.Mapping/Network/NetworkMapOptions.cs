using Sim.Mapping.Graph;
using Sim.Mapping.Layers;

namespace Sim.Mapping.Network;

/// <summary>Settings of <c>sim map</c>: the per-layer mapper's, then the graph allocator's (budget, order rule, limit).</summary>
public sealed record NetworkMapOptions
{
    public LayerMapperOptions Layer { get; init; } = new();

    /// <summary>Scratchpad bytes the graph allocator may use for resident tensors and working buffers.</summary>
    public required long ScratchpadBytes { get; init; }

    public OrderMode Order { get; init; } = OrderMode.MinPeak;

    public double GraphTimeLimitSeconds { get; init; } = 10;

    public long AlignmentBytes { get; init; } = 1;
}
