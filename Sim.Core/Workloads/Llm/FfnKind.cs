namespace Sim.Core.Workloads.Llm;

/// <summary>The decoder's feed-forward block.</summary>
public enum FfnKind
{
    /// <summary>GPT: up (E→F), GELU, down (F→E): two weight matrices.</summary>
    Gelu2Matrix,

    /// <summary>LLaMA: gate and up (E→F each), SiLU(gate)·up, down (F→E): three weight matrices.</summary>
    SwiGlu3Matrix,
}
