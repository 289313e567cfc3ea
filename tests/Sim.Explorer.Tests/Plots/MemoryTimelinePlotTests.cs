using Sim.Explorer.Plots;

namespace Sim.Explorer.Tests.Plots;

public class MemoryTimelinePlotTests
{
    /// <summary>A 5-op chain in 64 KiB: conv1's output y1 is spilled across conv2 and reloaded for add.</summary>
    internal static readonly IReadOnlyList<MemoryBlock> Blocks =
    [
        new("x", 0, 1, 0, 16 << 10, MemoryBlockKind.Resident),
        new("y1", 0, 2, 16 << 10, 24 << 10, MemoryBlockKind.Resident),
        new("tile", 0, 1, 40 << 10, 8 << 10, MemoryBlockKind.Working),
        new("y2", 1, 3, 0, 16 << 10, MemoryBlockKind.Resident),
        new("y1", 3, 4, 16 << 10, 24 << 10, MemoryBlockKind.Reloaded),
        new("y3", 2, 5, 40 << 10, 20 << 10, MemoryBlockKind.Resident),
    ];

    internal static readonly IReadOnlyList<string> Ops = ["conv1", "pool", "conv2", "add", "fc"];

    [Fact]
    public void Writes_png_and_svg_with_op_names_budget_kinds_and_tensors()
    {
        using var dir = new TempDirectory();
        MemoryTimelinePlot.Save(Blocks, 64 << 10, Ops, dir.Path, "memory", "resnet-ish in 64 KiB");

        ImageAssert.IsPng(dir.File("memory.png"));
        var text = ImageAssert.SvgText(dir.File("memory.svg"));
        foreach (var expected in new[] { "resnet-ish in 64 KiB", "scratchpad address (KiB)", "op (schedule step)", "budget 64 KiB", "resident", "reloaded", "working", "conv1", "fc", "y3", "tile" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_forty_steps_the_axis_shows_step_numbers_not_op_names()
    {
        using var dir = new TempDirectory();
        var ops = Enumerable.Range(0, 41).Select(i => $"op{i:00}").ToList();
        MemoryTimelinePlot.Save([new MemoryBlock("t", 0, 41, 0, 2 << 20, MemoryBlockKind.Resident)], 4 << 20, ops, dir.Path, "memory", "long");

        var text = ImageAssert.SvgText(dir.File("memory.svg"));
        Assert.Contains("schedule step", text, StringComparison.Ordinal);
        Assert.Contains("scratchpad address (MiB)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("op00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_allocation_still_writes_both_files_and_a_block_outside_the_timeline_is_refused()
    {
        using var dir = new TempDirectory();
        MemoryTimelinePlot.Save([], 1024, Ops, dir.Path, "memory", "nothing");
        Assert.True(File.Exists(dir.File("memory.png")));
        Assert.Contains("no ok points", ImageAssert.SvgText(dir.File("memory.svg")), StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => MemoryTimelinePlot.Build([new MemoryBlock("t", 2, 6, 0, 1, MemoryBlockKind.Working)], 1024, Ops, "x"));
    }

    [Fact]
    public void Streamed_steps_are_marked_above_the_budget_and_named_in_the_legend()
    {
        using var dir = new TempDirectory();
        MemoryTimelinePlot.Save(Blocks, 64 << 10, Ops, dir.Path, "memory", "streams", streamedSteps: [1, 3]);
        Assert.Contains("op streams via DRAM", ImageAssert.SvgText(dir.File("memory.svg")), StringComparison.Ordinal);

        using var plain = new TempDirectory();
        MemoryTimelinePlot.Save(Blocks, 64 << 10, Ops, plain.Path, "memory", "no streams");
        Assert.DoesNotContain("op streams via DRAM", ImageAssert.SvgText(plain.File("memory.svg")), StringComparison.Ordinal);
    }
}
