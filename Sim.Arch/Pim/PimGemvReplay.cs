using Sim.Arch.Memory.Dram;

namespace Sim.Arch.Pim;

/// <summary>
/// A PIM GEMV timed by the command-level DRAM model instead of the closed form: every channel's
/// <see cref="PimGemvCommands"/> stream issued in order, each command at the earliest cycle the
/// <see cref="DramTimeline"/> allows (tRCD, tFAW over the PIM activates, COMP spacing, READRES and GWRITE on the data bus,
/// the input row's ACT/PRE, one command per cycle). Unlike <see cref="PimGemvTiming"/> (NeuPIMs' serial estimator) the
/// timeline overlaps whatever the constraints let overlap (a GWRITE behind the previous tile's precharges) and pays a
/// command-bus slot per activate; tests pin both per case with the reason for the difference.
/// No refresh is issued (nor does the closed form charge one): a GEMV longer than tREFI leaves out about
/// (tRTP + tRP + tRFC + tRCD) per tREFI it spans (GPT-3 qKᵀ at KV 1024 on NeuPIMs HBM2: ~3 tREFI, ~880 cycles, ~7%).
/// </summary>
public static class PimGemvReplay
{
    /// <summary>Memory cycles until the last command's data has left the bus, per channel.</summary>
    public static IReadOnlyList<long> ChannelCycles(PimGemvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var timeline = new DramTimeline(layout.Dram, layout.Pim);
        var ends = new long[layout.RowsPerChannel.Count];
        for (var channel = 0; channel < ends.Length; channel++)
        {
            long t = 0, end = 0;
            foreach (var command in PimGemvCommands.For(layout, channel))
            {
                t = timeline.Issue(command, t);
                end = Math.Max(end, t + 1);
            }

            ends[channel] = Math.Max(end, timeline.DataBusFreeCycle(channel));
        }

        return ends;
    }

    /// <summary>The GEMV's time: its slowest channel.</summary>
    public static long Cycles(PimGemvLayout layout) => ChannelCycles(layout).DefaultIfEmpty(0).Max();
}
