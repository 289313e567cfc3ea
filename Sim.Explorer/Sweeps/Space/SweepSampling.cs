using Sim.Core.Config;

namespace Sim.Explorer.Sweeps.Space;

public enum SamplingMethod
{
    /// <summary>Every combination of the axes' values, first axis outermost.</summary>
    Grid,

    /// <summary>Points drawn independently and uniformly per axis (unit coordinate → value).</summary>
    Random,

    /// <summary>A Latin hypercube: N strata per axis, one sample in each (see <see cref="LatinHypercube"/>).</summary>
    Lhs,
}

/// <summary>How a sweep picks its archs from the design space: a grid, or <see cref="Points"/> random or LHS samples.</summary>
public sealed record SweepSampling(SamplingMethod Method, int Points)
{
    public static SweepSampling Grid { get; } = new(SamplingMethod.Grid, 0);

    /// <summary>Where <c>sampling:</c> is written (0 when absent), for errors found while drawing.</summary>
    public long Line { get; init; }

    public long Column { get; init; }

    /// <summary>Draws more than this many archs per requested point without finding enough that pass the constraints: give up.</summary>
    public const int MaxDrawsPerPoint = 1000;

    public string MethodName => Method switch
    {
        SamplingMethod.Grid => "grid",
        SamplingMethod.Random => "random",
        _ => "lhs",
    };

    /// <summary>Reads <c>sampling: {method: grid|random|lhs, points: N}</c> (grid when absent; points only, and then required, for random/lhs).</summary>
    public static SweepSampling Read(YamlMap root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.Has("sampling"))
            return Grid;
        var map = root.RequireMap("sampling").AllowOnly("method", "points");
        var methodText = map.OptionalString("method") ?? "grid";
        var method = methodText switch
        {
            "grid" => SamplingMethod.Grid,
            "random" => SamplingMethod.Random,
            "lhs" => SamplingMethod.Lhs,
            _ => throw map.ErrorAt("method", $"unknown sampling method '{methodText}'", "use grid, random or lhs"),
        };
        if (method == SamplingMethod.Grid)
        {
            return map.Has("points")
                ? throw map.ErrorAt("points", "a grid visits every combination, so it takes no point count", "drop 'points', or use method: random or lhs")
                : Grid;
        }

        if (!map.Has("points"))
            throw map.ErrorAt("points", $"{methodText} sampling needs a point count", "add e.g. 'points: 200'");
        var points = map.RequireLong("points");
        if (points <= 0)
            throw map.ErrorAt("points", $"points {points} is not positive", "ask for at least 1 point, e.g. 'points: 200'");
        if (points > 10_000_000)
            throw map.ErrorAt("points", $"points {points} is more than 10000000", "split the sweep, or ask for fewer points");
        return new SweepSampling(method, (int)points) { Line = map.Line, Column = map.Column };
    }
}
