using CsCheck;
using Sim.Core.Config;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Tests.Sweeps.Sharding;

public class ShardTests
{
    [Fact]
    public void Shards_partition_any_plan_disjointly_and_within_one_point_of_each_other()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 40]).Sample((planSize, count) =>
        {
            var plan = Enumerable.Range(0, planSize).ToList();
            var parts = Enumerable.Range(0, count).Select(i => new Shard(i, count).Select(plan)).ToList();
            var union = parts.SelectMany(p => p).Order().ToList();
            Assert.Equal(plan, union); // every point exactly once: union is the plan, no point twice
            Assert.True(parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1);
            for (var i = 0; i < count; i++)
            {
                var shard = new Shard(i, count);
                Assert.Equal(parts[i].Count, shard.PointCount(planSize));
                Assert.All(parts[i], p => Assert.True(shard.Owns(p) && Shard.OwnerOf(p, count) == i));
                Assert.Equal(parts[i].Order(), parts[i]); // plan order kept
            }
        });
    }

    [Fact]
    public void Round_robin_assignment_by_hand()
    {
        var plan = Enumerable.Range(0, 10).ToList();
        Assert.Equal([0, 3, 6, 9], new Shard(0, 3).Select(plan));
        Assert.Equal([1, 4, 7], new Shard(1, 3).Select(plan));
        Assert.Equal([2, 5, 8], new Shard(2, 3).Select(plan));
        Assert.Equal(plan, new Shard(0, 1).Select(plan));
        Assert.Empty(new Shard(7, 8).Select(plan[..5]));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("12/100", 12, 100)]
    public void Parse_reads_index_and_count(string text, int index, int count)
    {
        var shard = Shard.Parse(text);
        Assert.Equal((index, count), (shard.Index, shard.Count));
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("3/2", "shard index 3 is not below the count 2")]
    [InlineData("2/2", "shard index 2 is not below the count 2")]
    [InlineData("a/b", "'a/b' is not a shard")]
    [InlineData("0/0", "has a shard count of 0")]
    [InlineData("-1/2", "is not a shard")]
    [InlineData("1/2/3", "is not a shard")]
    [InlineData("1", "is not a shard")]
    [InlineData("", "is not a shard")]
    public void Parse_rejects_bad_shards_with_a_fix(string text, string expected)
    {
        var e = Assert.Throws<SimInputException>(() => Shard.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shard-0-of-3.jsonl", 0, 3)]
    [InlineData("shard-2-of-3.spec.yaml", 2, 3)]
    [InlineData("shard-10-of-16.json", 10, 16)]
    public void Part_file_names_round_trip(string name, int index, int count)
    {
        Assert.Equal(new Shard(index, count), PartFiles.ShardOf(name));
        Assert.StartsWith(PartFiles.Stem(new Shard(index, count)) + ".", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shard-3-of-3.jsonl")]
    [InlineData("shard-0-of-3.jsonl.tmp")]
    [InlineData("journal.jsonl")]
    [InlineData("shard-a-of-3.jsonl")]
    public void Other_files_are_not_parts(string name) => Assert.Null(PartFiles.ShardOf(name));
}
