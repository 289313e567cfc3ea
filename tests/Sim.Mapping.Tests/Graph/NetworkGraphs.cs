using Sim.Core.Workloads;

namespace Sim.Mapping.Tests.Graph;

/// <summary>
/// An Inception-like synthetic network: GoogLeNet's (Szegedy et al. 2015, Table 1) stem and nine inception modules with
/// their channel counts, batch 1. As in resnet50.yaml, pooling and concatenation are not ops: each module's four branch
/// convolutions read the previous module's four branch outputs (the concat), the pool-projection 1×1 reads them
/// directly, and the stride-2 max-pools between stages are implicit (the consumer's ifmap size is the pooled one).
/// </summary>
internal static class NetworkGraphs
{
    private static readonly (string Name, int Size, int C1, int R3, int C3, int R5, int C5, int Proj)[] Modules =
    [
        ("3a", 28, 64, 96, 128, 16, 32, 32), ("3b", 28, 128, 128, 192, 32, 96, 64),
        ("4a", 14, 192, 96, 208, 16, 48, 64), ("4b", 14, 160, 112, 224, 24, 64, 64), ("4c", 14, 128, 128, 256, 24, 64, 64),
        ("4d", 14, 112, 144, 288, 32, 64, 64), ("4e", 14, 256, 160, 320, 32, 128, 128),
        ("5a", 7, 256, 160, 320, 32, 128, 128), ("5b", 7, 384, 192, 384, 48, 128, 128),
    ];

    public static Workload InceptionLike(bool withStem = true)
    {
        var ops = withStem
            ? new List<Op>
            {
                Conv("conv1", 224, 7, 3, 64, 2, ["image"]),
                Conv("conv2", 56, 1, 64, 64, 1, ["conv1"]),
                Conv("conv3", 56, 3, 64, 192, 1, ["conv2"]),
            }
            : [];
        IReadOnlyList<string> previous = ["conv3"];
        var channels = 192L;
        foreach (var m in Modules)
        {
            var p = "inception" + m.Name;
            ops.Add(Conv($"{p}.1x1", m.Size, 1, channels, m.C1, 1, previous));
            ops.Add(Conv($"{p}.3x3red", m.Size, 1, channels, m.R3, 1, previous));
            ops.Add(Conv($"{p}.3x3", m.Size, 3, m.R3, m.C3, 1, [$"{p}.3x3red"]));
            ops.Add(Conv($"{p}.5x5red", m.Size, 1, channels, m.R5, 1, previous));
            ops.Add(Conv($"{p}.5x5", m.Size, 5, m.R5, m.C5, 1, [$"{p}.5x5red"]));
            ops.Add(Conv($"{p}.proj", m.Size, 1, channels, m.Proj, 1, previous));
            previous = [$"{p}.1x1", $"{p}.3x3", $"{p}.5x5", $"{p}.proj"];
            channels = m.C1 + m.C3 + m.C5 + m.Proj;
        }

        ops.Add(new Gemm("fc", 1, 1000, channels, previous));
        return new Workload("inception-like", ops);
    }

    /// <summary>A workload without its first op(s): their consumers then read an external input sized by their own operand.</summary>
    public static Workload Without(Workload workload, params string[] ops)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new(workload.Name + "-trunk", workload.Ops.Where(o => !ops.Contains(o.Name)));
    }

    private static Conv2d Conv(string name, long size, long filter, long channels, long filters, long stride, IReadOnlyList<string> inputs) =>
        new(name, size, size, filter, filter, channels, filters, stride, filter / 2, 1, inputs);
}
