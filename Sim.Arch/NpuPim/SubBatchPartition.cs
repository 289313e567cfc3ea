namespace Sim.Arch.NpuPim;

/// <summary>
/// NeuPIMs group_sub_batches with the simple partition (§A.1.3): each channel's request list is cut in half, the
/// first half to sub-batch 1 and the rest to sub-batch 2; a channel with an odd count gives the extra request to
/// sub-batch 1 and 2 alternately (the first odd channel to 1), so both sub-batches get every channel's work.
/// </summary>
public static class SubBatchPartition
{
    public static (IReadOnlyList<int> First, IReadOnlyList<int> Second) Split(ChannelAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var first = new List<int>();
        var second = new List<int>();
        var extraToFirst = true;
        for (var c = 0; c < assignment.Channels; c++)
        {
            var requests = assignment.RequestsOn(c);
            var half = requests.Count / 2;
            if (requests.Count % 2 == 1)
            {
                if (extraToFirst)
                    half++;
                extraToFirst = !extraToFirst;
            }

            first.AddRange(requests.Take(half));
            second.AddRange(requests.Skip(half));
        }

        first.Sort();
        second.Sort();
        return (first, second);
    }
}
