using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sim.Explorer.Bench;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim bench</c>: simulation speed on a fixed suite, with the in-run baseline ratio, and the ratio to SCALE-Sim's
/// ~7.6k simulated cycles/s (the reference figure quoted in the project's issue #2, not measured here).
/// </summary>
public static class BenchCommand
{
    public const double ScaleSimReferenceCyclesPerSecond = 7600;

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var seconds = new Option<double>("--seconds") { Description = "Minimum timing window per simulator", DefaultValueFactory = _ => 2.0 };
        var command = new Command("bench", "Measure simulation speed (layers/s, simulated cycles/s); `bench sweep` times a whole sweep") { json, seconds, BenchSweepCommand.Create(context), BenchNativeCommand.Create(context) };
        command.SetAction(parse =>
        {
            var window = OptionParsers.PositiveReal(parse.GetValue(seconds), "--seconds");
            var cases = BenchSuite.Cases();
            var analytical = BenchRunner.Analytical(cases, window);
            var trace = BenchRunner.Trace(cases, window);
            // The trace baseline only gets through a prefix of the suite: compare speeds on that same prefix.
            var samePrefix = BenchRunner.Analytical(cases.Take((int)trace.Layers).ToList(), window);
            // Layers per second on the same layers: the trace steps compute cycles only while the analytical count also
            // includes DRAM stalls, so a ratio of simulated cycles/s would flatter the analytical model.
            var speedup = samePrefix.LayersPerSecond / trace.LayersPerSecond;
            var vsScaleSim = analytical.SimulatedCyclesPerSecond / ScaleSimReferenceCyclesPerSecond;
            // Each engine's model plus energy on the same GEMMs; a quarter of the window each keeps the bench short.
            var engines = BenchSuite.EngineTiles
                .Select(t => BenchRunner.WithEnergy(Core.Hardware.TileGrid.Of(t).Label, BenchSuite.EngineCases(t), window / 4))
                .ToList();
            var spgemm = ExperimentBench.RandomSpGemm();
            var pimGemv = ExperimentBench.PimGemv();
            var experiments = new[]
            {
                ExperimentBench.SpGemmModels(spgemm, window / 4),
                ExperimentBench.SpGemmExecution(spgemm, window / 4),
                ExperimentBench.AttentionModels(window / 4),
                ExperimentBench.PimGemvClosedForm(pimGemv, window / 8),
                ExperimentBench.PimGemvReplayed(pimGemv, window / 8),
                ExperimentBench.DramStream(window / 8),
                ExperimentBench.NpuPimDecode(window / 8),
            };
            var spgemmRatio = experiments[0].LayersPerSecond / experiments[1].LayersPerSecond;
            var pimRatio = experiments[3].LayersPerSecond / experiments[4].LayersPerSecond;
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(Json(cases.Count, analytical, trace, samePrefix, speedup, vsScaleSim, engines, experiments, spgemmRatio, pimRatio));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("simulator").AddColumn(new TableColumn("layers").RightAligned())
                .AddColumn(new TableColumn("layers/s").RightAligned()).AddColumn(new TableColumn("simulated cycles/s").RightAligned());
            foreach (var m in engines.Prepend(trace).Prepend(analytical))
                table.AddRow(m.Name, m.Layers.ToString(CultureInfo.InvariantCulture), m.LayersPerSecond.ToString("0", CultureInfo.InvariantCulture),
                    m.SimulatedCyclesPerSecond.ToString("0.00e0", CultureInfo.InvariantCulture));
            Terminal.Render(context, table);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"suite: {cases.Count} layers; analytical / trace on the trace's {trace.Layers}-layer prefix = {speedup:0}x in this run; vs SCALE-Sim's quoted {ScaleSimReferenceCyclesPerSecond:0} cycles/s = {vsScaleSim:0.0e0}x"));
            var experimentTable = new Table().AddColumn("experiment model").AddColumn(new TableColumn("evaluations").RightAligned())
                .AddColumn(new TableColumn("evaluations/s").RightAligned());
            foreach (var m in experiments)
                experimentTable.AddRow(m.Name, m.Layers.ToString(CultureInfo.InvariantCulture), m.LayersPerSecond.ToString("0.0", CultureInfo.InvariantCulture));
            Terminal.Render(context, experimentTable);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"spgemm: 4096x4096, 16 nnz/row, C = A·A ({spgemm.A.Nnz} nnz); the model (all five dataflows) runs at {spgemmRatio:0.00}x the speed of executing the product once"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pim gemv: the closed form runs at {pimRatio:0}x the speed of replaying its commands on the DRAM timeline"));
            context.Out.WriteLine(MapperBench.Measure().Describe());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(int suiteLayers, BenchMeasurement analytical, BenchMeasurement trace, BenchMeasurement samePrefix, double speedup, double vsScaleSim,
        IReadOnlyList<BenchMeasurement> engines, IReadOnlyList<BenchMeasurement> experiments, double spgemmRatio, double pimRatio)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("suite_layers", suiteLayers);
            foreach (var (key, m) in new[] { ("analytical", analytical), ("trace_baseline", trace), ("analytical_on_trace_prefix", samePrefix) })
            {
                json.WriteStartObject(key);
                json.WriteNumber("layers", m.Layers);
                json.WriteNumber("wall_seconds", m.WallSeconds);
                json.WriteNumber("layers_per_second", m.LayersPerSecond);
                json.WriteNumber("simulated_cycles_per_second", m.SimulatedCyclesPerSecond);
                json.WriteEndObject();
            }

            json.WriteStartObject("engines_with_energy");
            foreach (var m in engines)
            {
                json.WriteStartObject(m.Name);
                json.WriteNumber("layers", m.Layers);
                json.WriteNumber("layers_per_second", m.LayersPerSecond);
                json.WriteNumber("simulated_cycles_per_second", m.SimulatedCyclesPerSecond);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("experiments");
            foreach (var m in experiments)
            {
                json.WriteStartObject(m.Name);
                json.WriteNumber("evaluations", m.Layers);
                json.WriteNumber("evaluations_per_second", m.LayersPerSecond);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteNumber("spgemm_model_vs_functional_speed", spgemmRatio);
            json.WriteNumber("pim_closed_form_vs_command_replay_speed", pimRatio);
            json.WriteNumber("speedup_vs_trace_baseline", speedup);
            json.WriteNumber("scalesim_reference_cycles_per_second", ScaleSimReferenceCyclesPerSecond);
            json.WriteNumber("speedup_vs_scalesim_reference", vsScaleSim);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
