using Sim.Arch.Native;
using Sim.Arch.Native.Gpu;

namespace Sim.Arch.Tests.Native.Gpu;

/// <summary>
/// One <c>gpu-emulated</c> target for every GPU test: ILGPU's CPU accelerator compiles each kernel once per
/// accelerator (about a second), so the tests share it and run serially in one collection.
/// </summary>
public sealed class GpuEmulatedFixture : IDisposable
{
    public GpuEmulatedFixture()
    {
        var probe = GpuTargets.ProbeEmulated();
        Target = probe.Target ?? throw new InvalidOperationException($"gpu-emulated is missing: {probe.Unavailable}");
    }

    public INativeTarget Target { get; }

    public void Dispose() => Target.Dispose();
}

[CollectionDefinition(Name)]
public sealed class GpuEmulatedGroup : ICollectionFixture<GpuEmulatedFixture>
{
    public const string Name = "gpu-emulated";
}
