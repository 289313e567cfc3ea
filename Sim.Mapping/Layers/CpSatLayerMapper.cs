using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// Optimal layer mapping with CP-SAT (<see cref="CpSatLayerModel"/>): solve the primary objective, then fix it and
/// minimise the tie-break (<see cref="ObjectiveKey"/>). Deterministic: one worker, a fixed seed. The best greedy
/// schedule is the first hint; the answer is re-evaluated with <see cref="LoopNestModel"/> and must agree with the
/// solver to the unit (a disagreement is a bug in the encoding, so it throws).
/// </summary>
public static class CpSatLayerMapper
{
    public static LayerMapResult Map(LoopNestProblem problem, LoopNestHierarchy hierarchy, LayerMapperOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        if (LayerFeasibility.WhyNoMapping(problem, hierarchy) is { } reason)
            return LayerMapResult.Infeasible(problem, reason, clock.Elapsed.TotalSeconds);

        var (hint, hintCost) = GreedyMappings.Best(problem, hierarchy, options.Objective);
        var model = new CpSatLayerModel(problem, hierarchy);
        var (primary, secondary) = Objectives(model, options.Objective, hintCost);
        if (primary is null)
            return new LayerMapResult(problem, MapStatus.Unknown, null, null, double.NaN, double.NaN, double.NaN, clock.Elapsed.TotalSeconds,
                string.Create(CultureInfo.InvariantCulture, $"EDP of the best greedy schedule ({hintCost.EdpFjCycles} fJ·cycles) is beyond CP-SAT's 2^62 domain; map by latency or energy"));

        model.Hint(hint);
        model.Model.Minimize(primary.Var);
        var solver = NewSolver(options);
        var first = solver.Solve(model.Model);
        if (first is CpSolverStatus.ModelInvalid)
            return new LayerMapResult(problem, MapStatus.Unknown, null, null, double.NaN, double.NaN, double.NaN, clock.Elapsed.TotalSeconds,
                $"CP-SAT rejected the model (a bug in the mapper, please report it): {model.Model.Validate()}");
        if (first is CpSolverStatus.Infeasible)
            throw new InvalidOperationException($"'{problem.Name}': CP-SAT found no mapping although the all-DRAM mapping is feasible (a bug)");
        if (first is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return new LayerMapResult(problem, MapStatus.Unknown, null, null, double.NaN, double.NaN, double.NaN, clock.Elapsed.TotalSeconds,
                string.Create(CultureInfo.InvariantCulture, $"no mapping found within {options.TimeLimitSeconds} s"));

        var primaryValue = solver.Value(primary.Var);
        var bound = solver.BestObjectiveBound;
        var firstMapping = model.Decode(solver);

        // Tie-break: keep the primary at its value, minimise the secondary from the first answer.
        model.Model.Add(primary.Var == primaryValue);
        model.Hint(firstMapping);
        model.Model.Minimize(secondary.Var);
        // The time limit covers both solves: the tie-break gets what the first left (an unfinished tie-break leaves
        // the answer Feasible, with the first solve's mapping if it found nothing better).
        var second = NewSolver(options with { TimeLimitSeconds = Math.Max(0.05, options.TimeLimitSeconds - clock.Elapsed.TotalSeconds) });
        var status = second.Solve(model.Model);
        var proven = first is CpSolverStatus.Optimal && status is CpSolverStatus.Optimal;
        var mapping = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? model.Decode(second) : firstMapping;
        var solverLatency = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? second.Value(model.Latency.Var) : solver.Value(model.Latency.Var);
        var solverEnergy = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? second.Value(model.Energy.Var) : solver.Value(model.Energy.Var);

        var cost = LoopNestModel.Evaluate(problem, hierarchy, mapping);
        if (!cost.Feasible || cost.LatencyCycles != solverLatency || cost.EnergyFj != solverEnergy)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"'{problem.Name}': CP-SAT says latency {solverLatency}, energy {solverEnergy} fJ; the model says {(cost.Feasible ? $"{cost.LatencyCycles}, {cost.EnergyFj} fJ" : cost.Reason)} (a bug in the encoding)"));

        // The objective is integral: a proven optimum has bound = value; otherwise round the solver's double bound up.
        var value = (double)primaryValue;
        bound = proven ? value : Math.Min(value, Math.Ceiling(bound - 1e-6));
        var gap = proven || value <= 0 ? 0 : 100 * (value - bound) / value;
        // Optimal means both solves proved optimality; a proven primary whose tie-break ran out of time says so.
        var note = !proven && first is CpSolverStatus.Optimal ? "the objective is proven optimal; its tie-break was not finished within the time limit" : null;
        return new LayerMapResult(problem, proven ? MapStatus.Optimal : MapStatus.Feasible, mapping, cost, value, bound, Math.Max(0, gap),
            clock.Elapsed.TotalSeconds, note);
    }

    /// <summary>The CP-SAT model's latency and energy for one fixed mapping (null when the model finds it infeasible);
    /// tests compare them with <see cref="LoopNestModel"/>.</summary>
    internal static (long LatencyCycles, long EnergyFj)? EvaluateFixed(LoopNestProblem problem, LoopNestHierarchy hierarchy, LoopNestMapping mapping)
    {
        var model = new CpSatLayerModel(problem, hierarchy);
        model.Fix(mapping);
        var solver = NewSolver(new LayerMapperOptions());
        var status = solver.Solve(model.Model);
        if (status is CpSolverStatus.ModelInvalid)
            throw new InvalidOperationException($"invalid CP-SAT model: {model.Model.Validate()}");
        return status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? (solver.Value(model.Latency.Var), solver.Value(model.Energy.Var))
            : null;
    }

    private static CpSolver NewSolver(LayerMapperOptions options) => new()
    {
        StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"num_workers:1 random_seed:{options.Seed} max_time_in_seconds:{options.TimeLimitSeconds}")
            + (options.DeterministicTimeLimit is { } work ? string.Create(CultureInfo.InvariantCulture, $" max_deterministic_time:{work}") : ""),
    };

    /// <summary>(primary, tie-break) variables; EDP gets a product variable whose domain the greedy hint bounds.
    /// Null primary when that bound does not fit CP-SAT's domains.</summary>
    private static (CpSatQuantity? Primary, CpSatQuantity Secondary) Objectives(CpSatLayerModel model, MapObjective objective, LoopNestCost hint)
    {
        switch (objective)
        {
            case MapObjective.Latency:
                return (model.Latency, model.Energy);
            case MapObjective.Energy:
                return (model.Energy, model.Latency);
            case MapObjective.Edp:
                if (hint.EdpFjCycles >= CpSatBuilder.Limit)
                    return (null, model.Latency);
                var edpUb = (long)hint.EdpFjCycles;
                // Tighten both factors with the optimum's bound so the product's domain stays within 2^63.
                var energyUb = Math.Min(model.Energy.Ub, edpUb / model.LatencyLowerBound);
                var latencyUb = Math.Min(model.Latency.Ub, edpUb / Math.Max(1, model.EnergyLowerBound));
                if ((Int128)energyUb * latencyUb >= CpSatBuilder.Limit)
                    return (null, model.Latency);
                model.Model.Add(model.Energy.Var <= energyUb);
                model.Model.Add(model.Latency.Var <= latencyUb);
                var energy = new CpSatQuantity(model.Model.NewIntVar(model.Energy.Lb, energyUb, "energy_edp"), model.Energy.Lb, energyUb);
                var latency = new CpSatQuantity(model.Model.NewIntVar(model.Latency.Lb, latencyUb, "latency_edp"), model.Latency.Lb, latencyUb);
                model.Model.Add(energy.Var == model.Energy.Var);
                model.Model.Add(latency.Var == model.Latency.Var);
                var edp = new CpSatQuantity(model.Model.NewIntVar(0, edpUb, "edp"), 0, edpUb);
                model.Model.AddMultiplicationEquality(edp.Var, energy.Var, latency.Var);
                return (edp, model.Latency);
            default:
                throw new ArgumentOutOfRangeException(nameof(objective));
        }
    }
}
