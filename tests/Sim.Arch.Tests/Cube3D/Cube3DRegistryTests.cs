using Sim.Arch.Cube3D;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Tests.Cube3D;

public class Cube3DRegistryTests
{
    [Fact]
    public void Registry_returns_the_cube_model()
    {
        var model = TileModels.For(new Cube3DSpec(16, 16, 16));
        Assert.IsType<Cube3DModel>(model);
        Assert.Equal("cube", model.Kind);
    }

    [Fact]
    public void Wrong_tile_kind_is_rejected()
    {
        var arch = ArchSpec.Default(new SystolicSpec(4, 4, Dataflow.Os));
        Assert.Throws<ArgumentException>(() => new Cube3DModel().Evaluate("t", new GemmShape(4, 4, 4), arch, SimMode.Default));
    }

    [Theory]
    [InlineData(0, 4, 4)]
    [InlineData(4, 0, 4)]
    [InlineData(4, 4, -1)]
    public void Non_positive_gemm_dims_are_rejected(long m, long n, long k)
    {
        var arch = ArchSpec.Default(new Cube3DSpec(4, 4, 4));
        Assert.Throws<ArgumentException>(() => new Cube3DModel().Evaluate("t", new GemmShape(m, n, k), arch, SimMode.Default));
    }

    [Theory]
    [InlineData(0, 4, 4)]
    [InlineData(4, 0, 4)]
    [InlineData(4, 4, 0)]
    public void Non_positive_cube_sides_are_rejected(int m0, int k0, int n0)
    {
        var arch = ArchSpec.Default(new Cube3DSpec(m0, k0, n0));
        Assert.Throws<ArgumentException>(() => new Cube3DModel().Evaluate("t", new GemmShape(4, 4, 4), arch, SimMode.Default));
    }

    [Fact]
    public void Sim_mode_does_not_change_the_result()
    {
        var arch = ArchSpec.Default(new Cube3DSpec(16, 16, 16)) with { Dram = new DramSpec(4, 20) };
        var gemm = new GemmShape(100, 300, 1000);
        Assert.Equal(new Cube3DModel().Evaluate("t", gemm, arch, SimMode.Default), new Cube3DModel().Evaluate("t", gemm, arch, SimMode.ScaleSim));
    }
}
