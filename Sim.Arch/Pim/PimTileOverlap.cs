namespace Sim.Arch.Pim;

/// <summary>Which per-tile time the closed form uses (docs/pim.md, "Timing").</summary>
public enum PimTileOverlap
{
    /// <summary>
    /// NeuPIMs' estimator (ChannelState::EstimatePIMOperationLatency): precharge, activates, COMPs and readout of a tile
    /// run back to back. The default, and what reproduces NeuPIMs' numbers.
    /// </summary>
    None,

    /// <summary>
    /// The next tile's precharge and activates run behind the current tile's COMPs (a second PIM row buffer, or
    /// precharge hiding): after the channel's first tile a tile costs max(COMP time, activate time + tRP) + readout.
    /// An optimistic bound NeuPIMs' estimator does not model.
    /// </summary>
    ActivateBehindCompute,
}
