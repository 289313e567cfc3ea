namespace Sim.Core.Hardware;

/// <summary>
/// On-chip SRAM per operand (SCALE-Sim's IfmapSramSzkB / FilterSramSzkB / OfmapSramSzkB; 1 KB = 1024 bytes).
/// Each is double-buffered: half holds the working tile while the other half is filled.
/// </summary>
public sealed record ScratchpadSpec(double IfmapKb, double FilterKb, double OfmapKb)
{
    public long IfmapBytes => (long)(IfmapKb * 1024);

    public long FilterBytes => (long)(FilterKb * 1024);

    public long OfmapBytes => (long)(OfmapKb * 1024);
}
