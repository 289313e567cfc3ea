using Sim.Arch.AdderTree;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.AdderTree;

/// <summary>Argument validation and registration.</summary>
public class AdderTreeContractTests
{
    [Fact]
    public void Wrong_tile_kind_or_non_positive_dims_are_rejected()
    {
        var model = new AdderTreeModel();
        var systolic = ArchSpec.Default(new SystolicSpec(4, 4, Dataflow.Ws));
        var tree = ArchSpec.Default(new AdderTreeSpec(4, 4));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(4, 4, 4), systolic, SimMode.Default));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(0, 4, 4), tree, SimMode.Default));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(4, -1, 4), tree, SimMode.Default));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(4, 4, 0), tree, SimMode.Default));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(4, 4, 4), ArchSpec.Default(new AdderTreeSpec(0, 4)), SimMode.Default));
        Assert.Throws<ArgumentException>(() => model.Evaluate("t", new GemmShape(4, 4, 4), ArchSpec.Default(new AdderTreeSpec(4, 0)), SimMode.Default));
    }

    [Fact]
    public void Registry_returns_the_adder_tree_model()
    {
        var model = TileModels.For(new AdderTreeSpec(16, 64));
        Assert.IsType<AdderTreeModel>(model);
        Assert.Equal("addertree", model.Kind);
    }
}
