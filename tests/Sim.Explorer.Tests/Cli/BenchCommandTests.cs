using System.Text.Json;

namespace Sim.Explorer.Tests.Cli;

/// <summary>Bench output is well-formed and self-consistent; its speed is measured by running it, not asserted here.</summary>
public class BenchCommandTests
{
    [Fact]
    public void Json_reports_both_simulators_and_their_ratio()
    {
        var (code, output, error) = CliRunner.Run("bench", "--json", "--seconds", "0.05");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(420, root.GetProperty("suite_layers").GetInt32());
        var trace = root.GetProperty("trace_baseline");
        var prefix = root.GetProperty("analytical_on_trace_prefix");
        Assert.True(trace.GetProperty("layers").GetInt64() >= 1);
        Assert.Equal(prefix.GetProperty("layers_per_second").GetDouble() / trace.GetProperty("layers_per_second").GetDouble(),
            root.GetProperty("speedup_vs_trace_baseline").GetDouble(), 6);
        var engines = root.GetProperty("engines_with_energy");
        Assert.Equal(["systolic-32x32-ws", "cube-8x16x8", "addertree-64x16", "matrix2d-32x32"], engines.EnumerateObject().Select(p => p.Name));
        foreach (var engine in engines.EnumerateObject())
            Assert.Equal(0, engine.Value.GetProperty("layers").GetInt64() % 70); // whole passes over the 70-layer suite
        var experiments = root.GetProperty("experiments");
        Assert.Equal(["spgemm model (structure + 5 dataflows)", "spgemm functional row-wise (baseline)", "attention model (3 lowerings, BERT 4K)",
            "pim gemv closed form (GPT-3 qK, KV 1024)", "pim gemv on the DRAM command timeline (baseline)", "dram request simulator (1 MiB sequential)",
            "npu+pim decode layer (3 modes, GPT-3 7B, B 512)"],
            experiments.EnumerateObject().Select(p => p.Name));
        var rates = experiments.EnumerateObject().Select(p => p.Value.GetProperty("evaluations_per_second").GetDouble()).ToList();
        Assert.All(rates, r => Assert.True(r > 0));
        Assert.Equal(rates[0] / rates[1], root.GetProperty("spgemm_model_vs_functional_speed").GetDouble(), 6);
        Assert.Equal(rates[3] / rates[4], root.GetProperty("pim_closed_form_vs_command_replay_speed").GetDouble(), 6);
    }

    [Fact]
    public void Bench_spgemm_input_is_the_stated_matrix()
    {
        // 4096 rows × 16 distinct columns each, seeded: the same matrix every run.
        var a = Sim.Explorer.Bench.ExperimentBench.RandomSpGemm().A;
        Assert.Equal((4096, 4096, 65536), (a.Rows, a.Cols, a.Nnz));
        Assert.True(a.RowPointers.ToArray().Zip(a.RowPointers[1..].ToArray()).All(p => p.Second - p.First == 16));
        Assert.Equal(a.ColumnIndices.ToArray(), Sim.Explorer.Bench.ExperimentBench.RandomSpGemm().A.ColumnIndices.ToArray());
    }
}

/// <summary><c>sim bench sweep</c> runs the whole sweep twice (N jobs, then one) and reports both; speeds are not asserted.</summary>
public class BenchSweepCommandTests
{
    [Fact]
    public void Reports_the_parallel_run_the_one_job_baseline_and_their_ratio()
    {
        using var dir = new TempDirectory();
        dir.Write("w.yaml", "name: tiny\nops:\n  - {name: g, kind: gemm, m: 64, n: 32, k: 48}\n");
        var spec = dir.Write("sweep.yaml", """
            name: tiny-bench
            base: {name: a, tile: {kind: systolic, rows: 8, cols: 8, dataflow: os}, scratchpad: {ifmap_kb: 64, filter_kb: 64, ofmap_kb: 64}, dram: {bandwidth_bytes_per_cycle: 16}}
            workloads: [w.yaml]
            axes: {rows: [4, 8, 16], cols: [4, 8], dataflow: [os, ws]}
            """);
        var (code, output, error) = CliRunner.Run("bench", "sweep", spec, "--jobs", "2");
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("sweep 'tiny-bench', 12 points, 2 jobs: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("sweep 'tiny-bench', 12 points, 1 job: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("parallel speedup with 2 jobs: ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void An_experiment_spec_is_refused_as_bad_input()
    {
        var (code, _, error) = CliRunner.Run("bench", "sweep", Path.Combine(Import.RepoPaths.Workloads, "sweeps", "attention.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("experiment spec is not one", error, StringComparison.Ordinal);
    }
}
