using Sim.Core.Config;
using Sim.Core.Mapping;
using Sim.Core.Workloads;

namespace Sim.Core.Tests.Config;

/// <summary>A two-layer workload (a conv and a GEMM) and a valid mapping file for it on an 8×8 array.</summary>
internal static class MappingYamlFixture
{
    public const string WorkloadText = """
        name: tiny
        ops:
          - {name: c1, kind: conv2d, ifmap_h: 8, ifmap_w: 8, filter_h: 3, filter_w: 3, channels: 4, filters: 16, padding: 1}
          - {name: fc, kind: gemm, m: 64, n: 10, k: 1024, inputs: [c1]}
        """;

    /// <summary>c1: N1 K16 C4 P8 Q8 R3 S3, weights stationary; fc: M64 N10 K1024, outputs stationary.</summary>
    public const string Text = """
        workload: tiny
        arch: small
        objective: latency
        layers:
          - name: c1
            dims: {N: 1, K: 16, C: 4, P: 8, Q: 8, R: 3, S: 3}
            stride: 1
            dataflow: ws
            register: {P: 8}
            spatial: {rows: {C: 4}, cols: {K: 8}}
            scratchpad: {Q: 8, R: 3}
            dram: {K: 2, S: 3}
            scratchpad_order: [N, K, C, P, Q, R, S]
            dram_order: [K, N, C, P, Q, R, S]
          - name: fc
            dims: {M: 64, N: 10, K: 1024}
            dataflow: os
            register: {K: 16}
            spatial: {rows: {M: 8}, cols: {N: 5}}
            scratchpad: {M: 8, K: 4}
            dram: {N: 2, K: 16}
            scratchpad_order: [M, N, K]
            dram_order: [N, K, M]
        """;

    public static Workload Tiny { get; } = WorkloadYaml.Parse("w.yaml", WorkloadText);

    public static MappingTarget Systolic(Workload? workload = null) => new(workload ?? Tiny, ["rows", "cols"], DataSpaces.All);

    public static MappingFile Parse(string text, MappingTarget? target = null) => MappingYaml.Parse("m.yaml", text, target ?? Systolic());
}
