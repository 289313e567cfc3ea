using Sim.Explorer.Inputs;
using Sim.Explorer.Sweeps;

namespace Sim.Explorer.Tests.Sweeps;

/// <summary>
/// A real sweep small enough for tests (2 workloads × 3 rows × 2 cols × 2 dataflows × 2 DRAM bandwidths = 48 points),
/// run once per test class: convolutions, GEMMs, a vector softmax and an attention layer, so every op kind and every
/// cost component of breakdown.csv is exercised.
/// </summary>
public sealed class SmallSweep : IDisposable
{
    public const string CnnWorkload = """
        name: tiny-cnn
        ops:
          - {name: c1, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 8, filters: 32, padding: 1}
          - {name: c2, kind: conv2d, ifmap_h: 16, ifmap_w: 16, filter_h: 3, filter_w: 3, channels: 32, filters: 32, stride: 2, padding: 1, inputs: [c1]}
          - {name: fc, kind: gemm, m: 1, n: 10, k: 2048, inputs: [c2]}
        """;

    public const string AttentionWorkload = """
        name: tiny-attn
        ops:
          - {name: q, kind: gemm, m: 64, n: 64, k: 64}
          - {name: qk, kind: gemm, m: 64, n: 64, k: 16, inputs: [q]}
          - {name: sm, kind: vector, function: softmax, shape: [4, 16, 16], window: 16, inputs: [qk]}
          - {name: attn, kind: attention, batch: 1, heads: 4, kv_heads: 4, seq_q: 32, seq_kv: 32, head_dim: 16, causal: false, lowering: fused, inputs: [sm]}
        """;

    public const string Spec = """
        name: small-sweep
        base:
          name: b
          tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}
          scratchpad: {ifmap_kb: 8, filter_kb: 8, ofmap_kb: 4}
          dram: {bandwidth_bytes_per_cycle: 4, latency_cycles: 50}
        workloads: [cnn.yaml, attn.yaml]
        axes:
          rows: [4, 8, 16]
          cols: [4, 16]
          dataflow: [os, ws]
          dram_bandwidth_bytes_per_cycle: [4, 16]
        """;

    private readonly TempDirectory _dir = new();

    public SmallSweep()
    {
        _dir.Write("cnn.yaml", CnnWorkload);
        _dir.Write("attn.yaml", AttentionWorkload);
        SpecObject = SweepSpecYaml.Read(InputFile.Read(_dir.Write("sweep.yaml", Spec)));
        Directory = Path.Combine(_dir.Path, "out");
        Outcome = SweepRunner.Run(SpecObject, Directory, jobs: 2, resume: false);
    }

    public SweepSpec SpecObject { get; }

    public string Directory { get; }

    public SweepOutcome Outcome { get; }

    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Loads the spec again (a test that writes elsewhere gets its own copy of the inputs).</summary>
    public static SweepSpec Load(TempDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        dir.Write("cnn.yaml", CnnWorkload);
        dir.Write("attn.yaml", AttentionWorkload);
        return SweepSpecYaml.Read(InputFile.Read(dir.Write("sweep.yaml", Spec)));
    }

    public void Dispose() => _dir.Dispose();
}
