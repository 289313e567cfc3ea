namespace Sim.Explorer.NpuPimSweeps;

/// <summary>What prices one request's MHA on its PIM channel.</summary>
public enum PimCostSource
{
    /// <summary>Our PIM GEMV timing model (Sim.Arch/Pim) on the sweep's PIM and DRAM specs.</summary>
    Model,

    /// <summary>NeuPIMs' scheduler estimate: fixed 100-cycle GWRITE and 184-cycle GEMV tile (Scheduler.cc).</summary>
    NeuPimsEstimate,
}

public static class PimCostSources
{
    public static string ToName(this PimCostSource source) => source == PimCostSource.Model ? "model" : "neupims-estimate";

    public static bool TryParse(string text, out PimCostSource source)
    {
        source = text == "neupims-estimate" ? PimCostSource.NeuPimsEstimate : PimCostSource.Model;
        return text is "model" or "neupims-estimate";
    }
}
