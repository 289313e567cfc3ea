using Sim.Core.Hardware;

namespace Sim.Arch;

/// <summary>
/// Whether an arch can run at all: each tile kind keeps one fold's block in a scratchpad while the next one is
/// prepared, so that scratchpad must hold two blocks (double buffering, as the timing models assume). A design that
/// fails is infeasible — a value with a reason, kept in sweep results, not an error.
/// </summary>
public static class TileFeasibility
{
    /// <summary>Accumulators are 32-bit (int32 for int8 operands, fp32 otherwise).</summary>
    private const long AccumulatorBytes = 4;

    /// <summary>Null when <paramref name="arch"/> is feasible, otherwise which buffer is too small and by how much.</summary>
    public static string? Problem(ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        long w = arch.WordBytes;
        var s = arch.Scratchpad;
        return arch.Tile switch
        {
            // The stationary R×C block: weights (WS), inputs (IS), or the outputs an OS fold leaves behind.
            SystolicSpec { Dataflow: Dataflow.Ws } t => Needs("filter", s.FilterBytes, 2 * t.PeCount * w, $"two {t.Rows}x{t.Cols} weight tiles"),
            SystolicSpec { Dataflow: Dataflow.Is } t => Needs("ifmap", s.IfmapBytes, 2 * t.PeCount * w, $"two {t.Rows}x{t.Cols} input tiles"),
            SystolicSpec t => Needs("ofmap", s.OfmapBytes, 2 * t.PeCount * w, $"two {t.Rows}x{t.Cols} output tiles"),
            // L0C: the block being accumulated and the block draining.
            Cube3DSpec t => Needs("ofmap", s.OfmapBytes, 2L * t.M * t.N * AccumulatorBytes, $"two {t.M}x{t.N} blocks of 32-bit accumulators (L0C)"),
            // The weight tile being used and the one loading into the shadow registers are both read from here.
            AdderTreeSpec t => Needs("filter", s.FilterBytes, 2 * t.PeCount * w, $"two {t.TreeWidth}x{t.Lanes} weight tiles"),
            // The block draining from the shadow accumulators and the next fold's.
            Matrix2DSpec t => Needs("ofmap", s.OfmapBytes, 2 * t.PeCount * w, $"two {t.Rows}x{t.Cols} output blocks"),
            // A native target's caches are managed by the hardware; its blocking was chosen to fit them.
            CalibratedTileSpec => null,
            _ => throw new NotSupportedException($"no feasibility rule for tile kind '{arch.Tile.Kind}'"),
        };
    }

    private static string? Needs(string buffer, long haveBytes, long needBytes, string what) =>
        haveBytes >= needBytes
            ? null
            : $"the {buffer} scratchpad ({haveBytes} B) cannot hold {what} ({needBytes} B)";
}
