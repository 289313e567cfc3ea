namespace Sim.Core.Hardware;

/// <summary>An R×C systolic array of MAC PEs running one of the three dataflows.</summary>
public sealed record SystolicSpec(int Rows, int Cols, Dataflow Dataflow) : TileSpec
{
    public const string KindName = "systolic";

    public override string Kind => KindName;

    public override long PeCount => (long)Rows * Cols;

    public override string ToString() => $"systolic {Rows}x{Cols} {Dataflow.ToName()}";
}
