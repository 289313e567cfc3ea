using Sim.Mapping.Graph;

namespace Sim.Explorer.NetworkMaps;

/// <summary>The CLI names of <see cref="OrderMode"/>.</summary>
public static class OrderModes
{
    public static string ToName(OrderMode mode) => mode switch
    {
        OrderMode.Given => "given",
        OrderMode.MinPeak => "min-peak",
        OrderMode.Joint => "joint",
        OrderMode.Window => "window",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string? text, out OrderMode mode)
    {
        foreach (var candidate in Enum.GetValues<OrderMode>())
        {
            if (string.Equals(ToName(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }
}
