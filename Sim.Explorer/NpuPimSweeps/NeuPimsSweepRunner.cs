using System.Globalization;
using Sim.Arch.NpuPim;
using Sim.Core.Workloads.Llm;
using Sim.Explorer.Analysis;
using Sim.Explorer.Results;

namespace Sim.Explorer.NpuPimSweeps;

/// <summary>
/// Evaluates every (model, KV setting, batch, mode) of a spec, in spec order, into points.csv rows and timeline.csv rows,
/// then fills each row's speedups over the NPU-only and blocked rows of the same (KV, batch). Deterministic.
/// </summary>
public static class NeuPimsSweepRunner
{
    public static (List<NeuPimsPointRow> Points, List<TimelineRow> Timeline) Run(NeuPimsSweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var options = NpuPimOptions.Default with { SubBatching = spec.SubBatching };
        var points = new List<NeuPimsPointRow>(spec.PointCount);
        var timeline = new List<TimelineRow>();
        foreach (var model in spec.Models)
        {
            var cost = MhaCost(spec, model);
            foreach (var kv in spec.KvSettings)
            {
                foreach (var batchSize in spec.Batches)
                {
                    var batch = kv.Batch(batchSize, spec.Seed);
                    var group = new List<NeuPimsPointRow>();
                    foreach (var mode in spec.Modes)
                    {
                        var result = NpuPimModel.DecodeLayer(spec.System, model, batch, mode, cost, options);
                        var row = Row(spec, model, kv, batch.KvLengths, result);
                        group.Add(row);
                        timeline.AddRange(result.Timeline.Select(s => new TimelineRow
                        {
                            PointId = row.PointId,
                            Resource = s.Resource == NpuPimResource.Npu ? "npu" : "pim",
                            SubBatch = s.SubBatch,
                            Label = s.Label,
                            StartCycle = s.StartCycle,
                            EndCycle = s.EndCycle,
                        }));
                    }

                    FillSpeedups(group);
                    points.AddRange(group);
                }
            }
        }

        return (points, timeline);
    }

    /// <summary>The PIM cost the spec asks for, for one device of <paramref name="model"/>.</summary>
    public static IPimMhaCost MhaCost(NeuPimsSweepSpec spec, LlmModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.PimCost == PimCostSource.Model
            ? PimModelMhaCost.For(model, spec.System)
            : NeuPimsMhaEstimate.For(model, spec.System);
    }

    private static NeuPimsPointRow Row(NeuPimsSweepSpec spec, LlmModelSpec model, KvSetting kv, IReadOnlyList<int> lengths, NpuPimLayerResult r)
    {
        var channels = r.Channels;
        return new NeuPimsPointRow
        {
            PointId = string.Create(CultureInfo.InvariantCulture, $"{model.Name}-kv{kv.Label}-b{r.BatchSize}-{r.Mode.ToName()}"),
            Sweep = spec.Name,
            Status = r.KvCache.Feasible ? RowStatus.Ok : RowStatus.Infeasible,
            Reason = r.KvCache.Reason ?? "",
            Model = model.Name,
            TensorParallel = model.TensorParallel,
            PipelineStages = model.PipelineStages,
            LayersPerDevice = r.LayersPerDevice,
            Kv = kv.Label,
            Batch = r.BatchSize,
            KvMeanTokens = lengths.Average(),
            KvMaxTokens = lengths.Max(),
            Mode = r.Mode.ToName(),
            SubBatched = r.SubBatched,
            Pim = r.Mode == NpuPimMode.NpuOnly ? "" : spec.System.Pim.Name,
            PimCost = r.Mode == NpuPimMode.NpuOnly ? "" : spec.PimCost.ToName(),
            NpuDramBytesPerCycle = spec.System.NpuDramBytesPerCycle,
            LayerCycles = r.LayerCycles,
            ModelCycles = r.ModelCycles,
            QkvCycles = r.QkvCycles,
            MhaCycles = r.MhaCycles,
            ProjFfnCycles = r.ProjFfnCycles,
            NpuUtilization = r.NpuUtilization,
            PimUtilization = r.PimUtilization,
            NpuBusBytes = r.NpuBusBytes,
            PimBusBytes = r.PimBusBytes,
            PimMaxChannelCycles = channels?.MaxLoadCycles ?? 0,
            PimMeanChannelCycles = channels is null || channels.Channels == 0 ? 0 : channels.LoadCycles.Average(),
            WeightBytes = r.KvCache.WeightBytes,
            KvBytes = r.KvCache.KvBytes,
            CapacityBytes = r.KvCache.CapacityBytes,
            EnergyLayerPj = r.Energy.TotalPj,
            EnergyNpuMacPj = r.Energy.NpuMacPj,
            EnergyNpuDramPj = r.Energy.NpuDramPj,
            EnergyPimBankPj = r.Energy.PimBankPj,
            EnergyPimAluPj = r.Energy.PimAluPj,
            EnergyPimBusPj = r.Energy.PimBusPj,
            EnergyPerTokenUj = r.EnergyPerTokenPj / 1e6,
            TokensPerSecond = r.TokensPerSecond,
            TokensPerSecondPerDevice = r.TokensPerSecondPerDevice,
        };
    }

    /// <summary>
    /// Speedup = this row's tokens/s over the reference mode's in the same (model, KV, batch); energy saving = NPU-only's
    /// energy per token over this row's. 0 when the reference mode was not run.
    /// </summary>
    private static void FillSpeedups(List<NeuPimsPointRow> group)
    {
        var npuOnlyRow = group.FirstOrDefault(r => r.Mode == "npu-only");
        var npuOnly = npuOnlyRow?.TokensPerSecond ?? 0;
        var npuOnlyEnergy = npuOnlyRow?.EnergyPerTokenUj ?? 0;
        var blocked = group.FirstOrDefault(r => r.Mode == "blocked")?.TokensPerSecond ?? 0;
        foreach (var row in group)
        {
            row.SpeedupVsNpuOnly = npuOnly > 0 ? row.TokensPerSecond / npuOnly : 0;
            row.SpeedupVsBlocked = blocked > 0 ? row.TokensPerSecond / blocked : 0;
            row.EnergySavingVsNpuOnly = npuOnlyEnergy > 0 && row.EnergyPerTokenUj > 0 ? npuOnlyEnergy / row.EnergyPerTokenUj : 0;
        }
    }
}
