namespace Sim.Core.Workloads.Llm;

/// <summary>
/// Memory one device needs for a decode batch: its share of the weights of its pipeline stage plus the K and V of every
/// request for those layers (each device keeps only its own KV heads). With pp pipeline stages, pp batches are in flight
/// (that is what makes a model instance emit B tokens per stage time, the throughput NpuPimLayerResult reports), and each
/// keeps its KV on every stage: the check counts pp batches.
/// </summary>
public static class KvCacheSizing
{
    /// <summary>K and V of one token in one layer on one device: 2·H_kv·d_k·b / tp.</summary>
    public static long BytesPerTokenPerLayerPerDevice(LlmModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return 2L * model.KvHeadsPerDevice * model.HeadDim * model.ElementBytes;
    }

    /// <summary>KV of one token over the device's layers (Layers / pp).</summary>
    public static long BytesPerTokenPerDevice(LlmModelSpec model) =>
        checked(BytesPerTokenPerLayerPerDevice(model) * model.LayersPerStage);

    /// <summary>One request's KV cache on one device.</summary>
    public static long RequestBytesPerDevice(LlmModelSpec model, int kvTokens) => checked(BytesPerTokenPerDevice(model) * kvTokens);

    public static long KvBytesPerDevice(LlmModelSpec model, DecodeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return checked(BytesPerTokenPerDevice(model) * batch.TotalKvTokens);
    }

    /// <summary>The weights of the device's layers (Layers / pp) that it holds (1/tp of each).</summary>
    public static long WeightBytesPerDevice(LlmModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return checked(model.WeightBytesPerLayerPerDevice * model.LayersPerStage);
    }

    /// <summary>Whether weights + KV fit <paramref name="capacityBytes"/>; infeasible is a value with its reason.</summary>
    public static KvCacheFeasibility Check(LlmModelSpec model, DecodeBatch batch, long capacityBytes)
    {
        var weights = WeightBytesPerDevice(model);
        var kv = checked(KvBytesPerDevice(model, batch) * model.PipelineStages);
        var need = checked(weights + kv);
        var inFlight = model.PipelineStages > 1 ? $" × {model.PipelineStages} batches in flight" : "";
        string? reason = need <= capacityBytes
            ? null
            : $"needs {need} B per device ({weights} B weights + {kv} B KV for {batch.Size} requests, {batch.TotalKvTokens} tokens{inFlight}) but the device has {capacityBytes} B";
        return new KvCacheFeasibility(weights, kv, capacityBytes, reason);
    }
}

/// <summary>The memory check of a decode batch on one device: <see cref="Reason"/> is null when it fits.</summary>
public sealed record KvCacheFeasibility(long WeightBytes, long KvBytes, long CapacityBytes, string? Reason)
{
    public bool Feasible => Reason is null;

    public long NeedBytes => WeightBytes + KvBytes;
}
