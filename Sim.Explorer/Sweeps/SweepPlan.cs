using System.Runtime.CompilerServices;
using Sim.Arch.Energy;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Sweeps.Space;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// A spec's points and how they were chosen: <see cref="RemovedBy"/> counts, per constraint, the points it removed (each
/// removed arch is charged to the first constraint it fails, so the counts add up), <see cref="Duplicates"/> the drawn
/// points whose id an earlier point already had, <see cref="Draws"/> the archs drawn (the grid size for a grid).
/// Counts are in points (archs × workloads), like <see cref="Points"/>.
/// </summary>
public sealed record SweepPlanResult(
    IReadOnlyList<SweepPoint> Points,
    IReadOnlyList<(DesignConstraint Constraint, long Removed)> RemovedBy,
    long Duplicates,
    long Draws)
{
    public long RemovedByConstraints => RemovedBy.Sum(r => r.Removed);
}

/// <summary>
/// Expands a spec into its points in a deterministic order: workload outermost, then the archs in the order the sampling
/// drew them — for a grid, tile (rows, cols, dataflow), PE variant, ifmap, filter, ofmap, bandwidth, DRAM latency, word
/// size, vector lanes, the last varying fastest. Random sampling draws unit coordinates per axis (in axis order) from
/// <c>new Random(seed)</c> until <c>points</c> archs meet the constraints; LHS draws one hypercube of <c>points</c>
/// samples and drops those that fail (so with constraints the stratification is partial). A point whose id an earlier
/// point has is kept once (first occurrence).
/// </summary>
public static class SweepPlan
{
    private static readonly ConditionalWeakTable<SweepSpec, SweepPlanResult> s_plans = [];

    public static IReadOnlyList<SweepPoint> Expand(SweepSpec spec) => Build(spec).Points;

    /// <summary>The plan (computed once per spec instance; a spec is immutable).</summary>
    public static SweepPlanResult Build(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return s_plans.GetValue(spec, Compute);
    }

    /// <summary>The one place an arch becomes a point of a sweep.</summary>
    public static SweepPoint ToPoint(SweepSpec spec, int index, (string Path, Workload Workload) workload, ArchSpec arch)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arch);
        RequireKnownVariant(spec, arch);
        return new SweepPoint(index, workload.Path, workload.Workload, arch, spec.Mode);
    }

    /// <summary>A PE variant the tile kind has no figures for (bit-weight on a calibrated tile) is bad input, not a crash.</summary>
    private static void RequireKnownVariant(SweepSpec spec, ArchSpec arch)
    {
        if (PeVariantFactors.Problem(arch.Costs.Variant, arch.Tile) is { } problem)
        {
            throw SimInputException.At(spec.SourcePath, 0, 0, "pe_variant", problem,
                "drop that pe_variant from the base arch or the pe_variant axis, or sweep tile kinds it has figures for");
        }
    }

    private static SweepPlanResult Compute(SweepSpec spec)
    {
        var space = spec.Space;
        var constraints = spec.Constraints;
        var removed = new long[constraints.Count];
        long workloads = spec.Workloads.Count;
        var archs = new List<ArchSpec>();
        long draws = 0;

        bool Consider(object[] assignment)
        {
            draws++;
            var arch = space.Resolve(assignment);
            RequireKnownVariant(spec, arch); // before the constraints: an area constraint prices the variant
            for (var c = 0; c < constraints.Count; c++)
            {
                if (!constraints[c].Admits(arch))
                {
                    removed[c] += workloads;
                    return false;
                }
            }

            archs.Add(arch);
            return true;
        }

        var sampling = spec.Sampling;
        var rng = new Random(spec.Seed);
        switch (sampling.Method)
        {
            case SamplingMethod.Grid:
                foreach (var assignment in space.Grid())
                    Consider(assignment);
                break;
            case SamplingMethod.Random:
                var maxDraws = (long)SweepSampling.MaxDrawsPerPoint * sampling.Points;
                while (archs.Count < sampling.Points)
                {
                    if (draws == maxDraws)
                    {
                        throw SimInputException.At(spec.SourcePath, sampling.Line, sampling.Column, "sampling",
                            $"after {draws} random draws only {archs.Count} of {sampling.Points} archs met the constraints ({Removals(constraints, removed)})",
                            "loosen the constraints, narrow the axes to where they can be met, or ask for fewer points");
                    }

                    Consider(space.AtUnit([.. space.Axes.Select(_ => rng.NextDouble())]));
                }

                break;
            case SamplingMethod.Lhs:
                foreach (var u in LatinHypercube.Sample(sampling.Points, space.Axes.Count, rng))
                    Consider(space.AtUnit(u));
                break;
            default:
                throw new InvalidOperationException($"unknown sampling method {sampling.Method}");
        }

        if (archs.Count == 0 && constraints.Count > 0)
        {
            var worst = Enumerable.Range(0, constraints.Count).MaxBy(c => removed[c]);
            var c = constraints[worst];
            throw SimInputException.At(spec.SourcePath, c.Line, c.Column, $"constraints[{worst}]",
                $"the constraints remove every point ({Removals(constraints, removed)}); '{c}' removed the most",
                $"loosen '{c}' or sweep axes that can meet it");
        }

        var points = new List<SweepPoint>(archs.Count * spec.Workloads.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long duplicates = 0;
        foreach (var workload in spec.Workloads)
        {
            foreach (var arch in archs)
            {
                var point = ToPoint(spec, points.Count, workload, arch);
                if (ids.Add(point.Id))
                    points.Add(point);
                else
                    duplicates++;
            }
        }

        return new SweepPlanResult(points, [.. constraints.Select((c, i) => (c, removed[i]))], duplicates, draws);
    }

    private static string Removals(IReadOnlyList<DesignConstraint> constraints, long[] removed) =>
        string.Join(", ", constraints.Select((c, i) => $"'{c}' removed {removed[i]}"));
}
