using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>Reads an arch's optional <c>vector:</c> mapping; every field defaults to <see cref="VectorUnitSpec.Default"/>'s.</summary>
public static class VectorYaml
{
    /// <summary>Far above any vector unit built; a larger value is a typo (and would overflow cycle products).</summary>
    public const int MaxLanes = 1 << 20;

    public static VectorUnitSpec Read(YamlMap vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        vector.AllowOnly("lanes", "max_cycles", "add_cycles", "mul_cycles", "exp_cycles", "pj_per_op");
        var d = VectorUnitSpec.Default;
        double? pj = null;
        if (vector.Has("pj_per_op"))
        {
            var value = vector.RequireDouble("pj_per_op");
            pj = value >= 0 ? value : throw vector.ErrorAt("pj_per_op", $"{value} is not a valid energy", "give a finite number ≥ 0 (pJ per lane op), or omit it for the MAC's energy");
        }

        return new VectorUnitSpec(
            (int)vector.OptionalLong("lanes", d.Lanes, 1, MaxLanes),
            Cycles(vector, "max_cycles", d.MaxCycles),
            Cycles(vector, "add_cycles", d.AddCycles),
            Cycles(vector, "mul_cycles", d.MulCycles),
            Cycles(vector, "exp_cycles", d.ExpCycles),
            pj);
    }

    private static int Cycles(YamlMap vector, string key, int fallback) => (int)vector.OptionalLong(key, fallback, 1, 1000);
}
