using CsCheck;
using Sim.Arch.NpuPim;
using Sim.Core.Hardware;
using Sim.Core.Workloads.Llm;

namespace Sim.Arch.Tests.NpuPim;

public class PimSideTests
{
    private static readonly NeuPimsMhaEstimate s_gpt7 = NeuPimsMhaEstimate.For(LlmPresets.Gpt3Of7B, NpuPimSystem.NeuPims);

    [Fact]
    public void Neupims_estimate_bus_bytes_are_neupims_rows_and_fp16_results()
    {
        Assert.Equal(PimBusTraffic.RequestBytes(LlmPresets.Gpt3Of7B, DramPresets.NeuPimsHbm2, 1024), s_gpt7.RequestBusBytes(1024));
    }

    [Theory]
    // q·Kᵀ: 1024/512 = 2 chunks, 1024/32 = 32 tiles: 2·100 + 64·184 = 11976.
    // S·V: 2 chunks · 8 heads = 16, 128/32 = 4 tiles: 1600 + 64·184 = 13376.
    [InlineData(1024, 11976, 13376)]
    // L = 100: 2 chunks × 4 tiles = 200 + 1472; S·V 1 chunk · 8 heads × 4 tiles = 800 + 5888.
    [InlineData(100, 1672, 6688)]
    public void Neupims_estimate_by_hand(int l, long qk, long sv)
    {
        Assert.Equal(qk, s_gpt7.QkCycles(l));
        Assert.Equal(sv, s_gpt7.SvCycles(l));
        Assert.Equal(qk + sv, s_gpt7.RequestCycles(l));
    }

    [Fact]
    public void Bus_traffic_by_hand()
    {
        var m = LlmPresets.Gpt3Of7B;
        // GWRITE: 1024/512 = 2 query rows + 8 heads × 2 logit rows = 18 rows of 1 KB.
        Assert.Equal(18 * 1024, PimBusTraffic.GwriteBytes(m, DramPresets.NeuPimsHbm2, 1024));
        // READRES: 8·1024 scores + 8 heads · 128 · 2 chunks partial outputs, FP16.
        Assert.Equal((8 * 1024 + 8 * 128 * 2) * 2, PimBusTraffic.ReadResultBytes(m, DramPresets.NeuPimsHbm2, 1024));
    }

    [Fact]
    public void Balancer_hand_cases()
    {
        long[] cycles = [5, 4, 3, 3, 3];
        // LPT: 5→0, 4→1, 3→1 (7), 3→0 (8), 3→1 (10).
        var greedy = PimChannelBalancer.Assign(cycles, 2, ChannelPolicy.Greedy);
        Assert.Equal([0, 1, 1, 0, 1], greedy.ChannelOfRequest);
        Assert.Equal([8, 10], greedy.LoadCycles);
        // Arrival order: 5→0, 4→1, 3→1 (7), 3→0 (8), 3→1 (10) — same here.
        Assert.Equal(10, PimChannelBalancer.Assign(cycles, 2, ChannelPolicy.GreedyArrivalOrder).MaxLoadCycles);
        // Round robin: channel 0 gets 5 + 3 + 3.
        var rr = PimChannelBalancer.Assign(cycles, 2, ChannelPolicy.RoundRobin);
        Assert.Equal([0, 1, 0, 1, 0], rr.ChannelOfRequest);
        Assert.Equal(11, rr.MaxLoadCycles);
        Assert.Equal([1, 3], rr.RequestsOn(1));
    }

    [Fact]
    public void Greedy_beats_round_robin_on_skewed_lengths()
    {
        // Every 4th request is long: round robin stacks them all on channel 0 of 4.
        var lengths = Enumerable.Range(0, 64).Select(i => i % 4 == 0 ? 2048 : 64).ToArray();
        var cycles = lengths.Select(s_gpt7.RequestCycles).ToArray();
        var greedy = PimChannelBalancer.Assign(cycles, 4, ChannelPolicy.Greedy).MaxLoadCycles;
        var rr = PimChannelBalancer.Assign(cycles, 4, ChannelPolicy.RoundRobin).MaxLoadCycles;
        Assert.True(greedy < rr * 0.5, $"greedy {greedy} vs round robin {rr}");
    }

    [Fact]
    public void Capacity_limits_are_values_with_a_reason()
    {
        var full = PimChannelBalancer.Assign([1, 1, 1], 2, ChannelPolicy.Greedy, [10, 10, 10], 15);
        Assert.False(full.Feasible);
        Assert.Contains("fits no channel", full.Reason, StringComparison.Ordinal);
        var rr = PimChannelBalancer.Assign([1, 1, 1], 2, ChannelPolicy.RoundRobin, [10, 10, 10], 15);
        Assert.Contains("channel 0", rr.Reason, StringComparison.Ordinal);
        // Greedy skips a full channel even if it is the least loaded.
        var skip = PimChannelBalancer.Assign([1, 5, 1], 2, ChannelPolicy.GreedyArrivalOrder, [10, 1, 10], 15);
        Assert.True(skip.Feasible);
        Assert.Equal([0, 1, 1], skip.ChannelOfRequest);
    }

    private static long BruteForceOptimum(long[] jobs, int machines)
    {
        var best = long.MaxValue;
        var loads = new long[machines];
        void Place(int i)
        {
            if (i == jobs.Length)
            {
                best = Math.Min(best, loads.Max());
                return;
            }

            for (var m = 0; m < machines; m++)
            {
                loads[m] += jobs[i];
                Place(i + 1);
                loads[m] -= jobs[i];
            }
        }

        Place(0);
        return best;
    }

    [Fact]
    public void Greedy_is_within_4_3_of_the_optimum_and_arrival_order_within_2()
    {
        Gen.Select(Gen.Long[1, 1000].Array[1, 7], Gen.Int[1, 3]).Sample((jobs, m) =>
        {
            var opt = BruteForceOptimum(jobs, m);
            var lpt = PimChannelBalancer.Assign(jobs, m, ChannelPolicy.Greedy).MaxLoadCycles;
            var online = PimChannelBalancer.Assign(jobs, m, ChannelPolicy.GreedyArrivalOrder).MaxLoadCycles;
            var rr = PimChannelBalancer.Assign(jobs, m, ChannelPolicy.RoundRobin).MaxLoadCycles;
            // Graham: LPT ≤ (4/3 − 1/(3m))·OPT, list scheduling ≤ (2 − 1/m)·OPT; so LPT ≤ 4/3 of round robin too.
            return lpt >= opt && 3 * m * lpt <= (4 * m - 1) * opt && m * online <= (2 * m - 1) * opt && 3 * lpt <= 4 * rr;
        }, iter: 300);
    }

    [Fact]
    public void Sub_batches_split_each_channel_in_half_alternating_odd_counts()
    {
        // Round robin of 8 requests on 3 channels: {0,3,6}, {1,4,7}, {2,5}.
        var a = PimChannelBalancer.Assign(new long[8], 3, ChannelPolicy.RoundRobin);
        var (first, second) = SubBatchPartition.Split(a);
        // Channel 0 odd → 2 to the first; channel 1 odd → 1 to the first; channel 2 even → 1 each.
        Assert.Equal([0, 1, 2, 3], first);
        Assert.Equal([4, 5, 6, 7], second);
    }

    [Fact]
    public void Sub_batches_partition_the_batch_with_the_first_taking_the_ceiling()
    {
        Gen.Select(Gen.Long[1, 100].Array[1, 60], Gen.Int[1, 8]).Sample((cycles, channels) =>
        {
            var (first, second) = SubBatchPartition.Split(PimChannelBalancer.Assign(cycles, channels, ChannelPolicy.Greedy));
            return first.Count == (cycles.Length + 1) / 2
                && first.Concat(second).Order().SequenceEqual(Enumerable.Range(0, cycles.Length));
        });
    }
}
