namespace Sim.Core.Hardware;

/// <summary>
/// Which GEMM operand stays in the PEs (SCALE-Sim's three dataflows):
/// output-stationary (Z), weight-stationary (filter B), input-stationary (ifmap A).
/// </summary>
public enum Dataflow
{
    Os,
    Ws,
    Is,
}

public static class DataflowNames
{
    public static string ToName(this Dataflow dataflow) => dataflow switch
    {
        Dataflow.Os => "os",
        Dataflow.Ws => "ws",
        Dataflow.Is => "is",
        _ => throw new ArgumentOutOfRangeException(nameof(dataflow)),
    };

    public static bool TryParse(string text, out Dataflow dataflow)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "OS": dataflow = Dataflow.Os; return true;
            case "WS": dataflow = Dataflow.Ws; return true;
            case "IS": dataflow = Dataflow.Is; return true;
            default: dataflow = default; return false;
        }
    }
}
