using Sim.Arch.NpuPim;
using Sim.Core.Config;

namespace Sim.Explorer.NpuPimSweeps;

/// <summary>
/// Reads an optional <c>npu:</c> mapping; every field defaults to NeuPIMs' NPU (<see cref="NpuSpec.NeuPims"/>:
/// 8 WS arrays of 128×128, 8 vector units of 128 lanes, 1 GHz, FP16, 1 MB + 1 MB scratchpads).
/// </summary>
public static class NpuYaml
{
    public const double MinClockGhz = 0.01;

    public const double MaxClockGhz = 100;

    public static NpuSpec Read(YamlMap npu)
    {
        ArgumentNullException.ThrowIfNull(npu);
        npu.AllowOnly("arrays", "array_rows", "array_cols", "vector_units", "vector_lanes", "scratchpad_kb", "accumulator_kb", "clock_ghz");
        var d = NpuSpec.NeuPims;
        var spec = d with
        {
            Arrays = (int)npu.OptionalLong("arrays", d.Arrays, 1, 4096),
            ArrayRows = (int)npu.OptionalLong("array_rows", d.ArrayRows, 1, 4096),
            ArrayCols = (int)npu.OptionalLong("array_cols", d.ArrayCols, 1, 4096),
            VectorUnits = (int)npu.OptionalLong("vector_units", d.VectorUnits, 1, 4096),
            VectorLanes = (int)npu.OptionalLong("vector_lanes", d.VectorLanes, 2, 1 << 16),
            ScratchpadBytes = npu.OptionalLong("scratchpad_kb", d.ScratchpadBytes / 1024, 1, 1L << 30) * 1024,
            AccumulatorBytes = npu.OptionalLong("accumulator_kb", d.AccumulatorBytes / 1024, 1, 1L << 30) * 1024,
            ClockGhz = npu.OptionalDouble("clock_ghz", d.ClockGhz, 0),
        };
        if (spec.ClockGhz is < MinClockGhz or > MaxClockGhz)
            throw npu.ErrorAt("clock_ghz", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{spec.ClockGhz} GHz is not an NPU clock"), $"give {MinClockGhz} to {MaxClockGhz} GHz (NeuPIMs: 1)");
        if (spec.Problem() is { } problem)
        {
            var cut = problem.IndexOf(": ", StringComparison.Ordinal);
            throw new SimInputException($"{npu.File}:{npu.Line}:{npu.Column}: field '{npu.FieldPath(problem[..cut])}': {problem[(cut + 2)..]}");
        }

        return spec;
    }
}
