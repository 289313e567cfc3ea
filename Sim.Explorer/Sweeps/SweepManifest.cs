using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sim.Core.Hardware;
using Sim.Explorer.Results;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// manifest.json: what produced the CSVs — tool and runtime versions, the spec (path, hash and full text), the
/// resolved base arch and axes, the workloads, and point counts by status. No timestamps, so reruns are byte-identical.
/// </summary>
public static class SweepManifest
{
    public static void Write(string path, SweepSpec spec, IReadOnlyList<SweepPoint> plan, IReadOnlyList<PointRow> points)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(points);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "sim");
            json.WriteString("sim_version", ToolVersion);
            json.WriteString("dotnet_version", Environment.Version.ToString());
            json.WriteNumber("model_revision", Sim.Arch.TileModels.ModelRevision);
            json.WriteString("sweep", spec.Name);
            json.WriteString("spec_path", spec.SourcePath);
            json.WriteString("spec_sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(spec.SourceText))));
            json.WriteString("mode", spec.Mode == SimMode.ScaleSim ? "scalesim" : "default");
            var sampling = spec.Sampling;
            json.WriteString("strategy", spec.Search?.Strategy ?? sampling.MethodName);
            if (spec.Search is { } search)
                json.WriteNumber("seed", search.Seed);
            else if (sampling.Method == SamplingMethod.Grid)
                json.WriteString("seed", "none: grid sweeps draw no random numbers");
            else
                json.WriteNumber("seed", spec.Seed);
            WriteBase(json, spec.Base);
            json.WriteStartObject("axes");
            foreach (var axis in spec.Space.Axes)
            {
                if (axis.Domain is ContinuousDomain range)
                {
                    json.WriteStartObject(axis.Name);
                    json.WriteNumber("min", range.Min);
                    json.WriteNumber("max", range.Max);
                    json.WriteEndObject();
                    continue;
                }

                json.WriteStartArray(axis.Name);
                foreach (var value in ((DiscreteDomain)axis.Domain).Values)
                {
                    switch (value)
                    {
                        case long l: json.WriteNumberValue(l); break;
                        case double d: json.WriteNumberValue(d); break;
                        default: json.WriteStringValue(SpaceAxis.Format(value)); break;
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            // A search never builds the grid plan (it may be continuous or astronomically large): it records its settings.
            if (spec.Search is null)
                WriteSampling(json, spec, SweepPlan.Build(spec));
            else
                WriteSearch(json, spec, spec.Search);
            json.WriteStartArray("workloads");
            foreach (var (workloadPath, workload) in spec.Workloads)
            {
                json.WriteStartObject();
                json.WriteString("name", workload.Name);
                json.WriteString("path", workloadPath);
                json.WriteNumber("ops", workload.Ops.Count);
                json.WriteNumber("macs", workload.TotalMacs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("points", plan.Count);
            json.WriteStartObject("status_counts");
            foreach (var group in points.GroupBy(p => p.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
                json.WriteNumber(group.Key, group.Count());
            json.WriteEndObject();
            json.WriteString("spec_text", spec.SourceText);
            json.WriteEndObject();
        }

        File.WriteAllBytes(path, stream.ToArray());
    }

    public static string ToolVersion =>
        typeof(SweepManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private static void WriteBase(Utf8JsonWriter json, ArchSpec arch)
    {
        json.WriteStartObject("base");
        json.WriteString("name", arch.Name);
        json.WriteString("tile", TileGrid.Of(arch.Tile).Label);
        json.WriteNumber("ifmap_kb", arch.Scratchpad.IfmapKb);
        json.WriteNumber("filter_kb", arch.Scratchpad.FilterKb);
        json.WriteNumber("ofmap_kb", arch.Scratchpad.OfmapKb);
        json.WriteNumber("dram_bandwidth_bytes_per_cycle", arch.Dram.BandwidthBytesPerCycle);
        json.WriteNumber("dram_latency_cycles", arch.Dram.LatencyCycles);
        json.WriteNumber("clock_ghz", arch.ClockGhz);
        json.WriteNumber("word_bytes", arch.WordBytes);
        json.WriteStartObject("costs"); // the overrides; null = the tile kind's default
        json.WriteString("pe_variant", arch.Costs.Variant.ToName());
        foreach (var (key, value) in new[]
        {
            ("mac_pj", arch.Costs.MacPj), ("accumulator_pj_per_byte", arch.Costs.AccumulatorPjPerByte),
            ("sram_read_pj_per_byte", arch.Costs.SramReadPjPerByte), ("sram_write_pj_per_byte", arch.Costs.SramWritePjPerByte),
            ("dram_pj_per_byte", arch.Costs.DramPjPerByte), ("mac_area_um2", arch.Costs.MacAreaUm2),
            ("sram_area_um2_per_kb", arch.Costs.SramAreaUm2PerKb),
        })
        {
            if (value is { } v)
                json.WriteNumber(key, v);
            else
                json.WriteNull(key);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>How a search chose its points: its settings, the constraints its candidates had to meet, the objectives.</summary>
    private static void WriteSearch(Utf8JsonWriter json, SweepSpec spec, SearchSpec search)
    {
        json.WriteStartObject("search");
        json.WriteString("strategy", search.Strategy);
        json.WriteNumber("population", search.Population);
        json.WriteNumber("generations", search.Generations);
        json.WriteString("reference", search.Reference == SearchReference.Grid ? "grid" : "none");
        json.WriteEndObject();
        json.WriteStartArray("constraints");
        foreach (var constraint in spec.Constraints)
        {
            json.WriteStartObject();
            json.WriteString("constraint", constraint.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("objectives");
        foreach (var objective in spec.Objectives) json.WriteStringValue(objective.ToString());
        json.WriteEndArray();
    }

    /// <summary>How the points were chosen: sampling, constraints with the points each removed, duplicates, objectives.</summary>
    private static void WriteSampling(Utf8JsonWriter json, SweepSpec spec, SweepPlanResult plan)
    {
        json.WriteStartObject("sampling");
        json.WriteString("method", spec.Sampling.MethodName);
        if (spec.Sampling.Method != SamplingMethod.Grid)
            json.WriteNumber("points", spec.Sampling.Points);
        json.WriteNumber("archs_drawn", plan.Draws);
        json.WriteNumber("duplicates_removed", plan.Duplicates);
        json.WriteEndObject();
        json.WriteStartArray("constraints");
        foreach (var (constraint, removed) in plan.RemovedBy)
        {
            json.WriteStartObject();
            json.WriteString("constraint", constraint.ToString());
            json.WriteNumber("points_removed", removed);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("points_removed_by_constraints", plan.RemovedByConstraints);
        json.WriteStartArray("objectives");
        foreach (var objective in spec.Objectives) json.WriteStringValue(objective.ToString());
        json.WriteEndArray();
    }
}
