using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sim.Mapping.Graph;

/// <summary>
/// Order and allocation solved together (COSMA Eq.1–8, time-indexed, for small graphs): x[v,t] puts operator v at step
/// t (one operator per step, one step per operator, producers before consumers); per tensor and step the literals
/// C (created: its producer runs), P (preserved from t−1 at the same address), R (retrieved from DRAM), S (spilled:
/// written to DRAM, not resident), with C+P+S+R ≤ 1, P[t] ≤ resident[t−1], S[t] ≤ resident[t−1], R needs an earlier S
/// unless DRAM already holds a copy, Σ_t S ≤ 1, and every consumer's inputs resident (P or R) at its step; P[0] = S[0] = 0
/// (the base case COSMA's reimplementers had to add). Addresses: one NoOverlap per step over optional intervals
/// [L[a,t], L[a,t]+⌈size/g⌉) present iff resident, with P ⇒ L[t] = L[t−1] (no O(|A|²|T|) big-M pairs).
/// Objective as the fixed-order model: reload reads beyond the compulsory first load + spill writes + option extras.
/// Streamed options (only where an operator has one; otherwise the model is unchanged): st_v = Σ streamed options of v;
/// the producer's step splits into created-resident (x − W) and streamed-written W ≤ st_q (W costs a write unless DRAM
/// has a copy, and counts as the copy a later R needs); a consumer needs P or R only when ¬st_c, and otherwise pays a
/// streamed read SR ≥ x[c,t] + st_c − 1 − (P + R) (costing c's read bytes of the tensor), which needs an earlier S or W for a produced tensor. A graph input's
/// first access (R or SR) is the compulsory one. A tensor larger than the scratchpad is never resident.
/// </summary>
internal static class JointScheduleModel
{
    public static (IReadOnlyList<int>? Order, CpSolverStatus Status, long Objective, long Bound) Solve(
        TensorGraph graph, GraphAllocatorOptions options, IReadOnlyList<int>? hintOrder, IReadOnlySet<int>? freeSteps = null)
    {
        var g = options.AlignmentBytes;
        var capacity = ScheduleView.CapacityGranules(graph, options.ScratchpadBytes, g);
        var n = graph.Operators.Count;
        var model = new CpModel();
        var x = new BoolVar[n, n];
        if (freeSteps is not null && hintOrder is null)
            throw new ArgumentException("a window solve needs the incumbent order", nameof(hintOrder));
        for (var v = 0; v < n; v++)
        {
            for (var t = 0; t < n; t++)
                x[v, t] = model.NewBoolVar($"x_{v}_{t}");
        }

        for (var i = 0; i < n; i++)
        {
            model.AddExactlyOne(Enumerable.Range(0, n).Select(t => x[i, t]));
            model.AddExactlyOne(Enumerable.Range(0, n).Select(v => x[v, i]));
        }

        var streamed = graph.Operators.Select(op => op.CanStream ? model.NewBoolVar($"st_{op.Id}") : null).ToArray();
        var stepOf = Enumerable.Range(0, n).Select(v => LinearExpr.WeightedSum(Enumerable.Range(0, n).Select(t => x[v, t]), Enumerable.Range(0, n).Select(t => (long)t))).ToArray();
        var objective = new List<LinearExpr>();
        var noOverlap = Enumerable.Range(0, n).Select(_ => new List<IntervalVar>()).ToArray();
        var load = Enumerable.Range(0, n).Select(_ => new List<LinearExpr>()).ToArray();
        foreach (var a in graph.Tensors)
        {
            var h = ScheduleView.Granules(a.SizeBytes, g);
            if (a.Producer is { } p)
            {
                foreach (var c in a.Consumers)
                    model.Add(stepOf[p] + 1 <= stepOf[c]);
            }

            var resident = new BoolVar[n];
            var address = new IntVar[n];
            var preserved = new BoolVar[n];
            var spills = new List<BoolVar>();
            var retrieves = new List<BoolVar>();
            var writes = new List<BoolVar>(); // streamed writes by the producer
            var streamReads = new List<LinearExpr>(); // weighted by the consumer's read bytes
            var producerStreams = a.Producer is { } sp && streamed[sp] is not null;
            for (var t = 0; t < n; t++)
            {
                var created = a.Producer is { } q ? (LinearExpr)x[q, t] : LinearExpr.Constant(0);
                var pv = model.NewBoolVar($"P_{a.Id}_{t}");
                var sv = model.NewBoolVar($"S_{a.Id}_{t}");
                var rv = model.NewBoolVar($"R_{a.Id}_{t}");
                var res = model.NewBoolVar($"res_{a.Id}_{t}");
                model.Add(created + pv + sv + rv <= 1);
                if (producerStreams)
                {
                    var wv = model.NewBoolVar($"W_{a.Id}_{t}");
                    model.Add(wv <= created);
                    model.AddImplication(wv, streamed[a.Producer!.Value]!);
                    writes.Add(wv);
                    model.Add(res == created - wv + pv + rv);
                }
                else
                    model.Add(res == created + pv + rv);
                if (h > capacity)
                    model.Add(res == 0);
                if (t == 0)
                {
                    model.Add(pv == 0);
                    model.Add(sv == 0);
                }
                else
                {
                    model.AddImplication(pv, resident[t - 1]);
                    model.AddImplication(sv, resident[t - 1]);
                }

                if (a.Origin == TensorOrigin.Produced)
                    model.Add(rv <= LinearExpr.Sum(spills.Concat(writes))); // a retrieve needs an earlier spill (or streamed write)
                foreach (var c in a.Consumers)
                {
                    if (streamed[c] is not { } sc)
                    {
                        model.Add(pv + rv >= 1).OnlyEnforceIf(x[c, t]);
                        continue;
                    }

                    model.Add(pv + rv >= 1).OnlyEnforceIf([x[c, t], sc.Not()]);
                    var sr = model.NewBoolVar($"SR_{a.Id}_{c}_{t}");
                    model.Add(sr >= x[c, t] + sc - 1 - pv - rv);
                    if (a.Origin == TensorOrigin.Produced)
                        model.Add(sr <= LinearExpr.Sum(spills.Concat(writes).Append(sv))); // DRAM holds a copy by now
                    streamReads.Add(graph.Operators[c].ReadBytes(a.Id) * (LinearExpr)sr);
                }

                address[t] = model.NewIntVar(0, Math.Max(0, capacity - h), $"L_{a.Id}_{t}");
                if (t > 0)
                    model.Add(address[t] == address[t - 1]).OnlyEnforceIf(pv);
                noOverlap[t].Add(model.NewOptionalFixedSizeIntervalVar(address[t], h, res, $"i_{a.Id}_{t}"));
                load[t].Add(h * (LinearExpr)res);
                resident[t] = res;
                preserved[t] = pv;
                spills.Add(sv);
                retrieves.Add(rv);
            }

            model.Add(LinearExpr.Sum(spills) <= 1);
            objective.Add(a.SizeBytes * LinearExpr.Sum(retrieves));
            if (streamReads.Count > 0)
                objective.Add(LinearExpr.Sum(streamReads));
            if (writes.Count > 0 && !a.HasDramCopy)
                objective.Add(a.SizeBytes * LinearExpr.Sum(writes));
            if (a.Producer is null)
                objective.Add(LinearExpr.Constant(-a.SizeBytes)); // the first load is compulsory
            if (!a.HasDramCopy)
                objective.Add(a.SizeBytes * LinearExpr.Sum(spills));
        }

        foreach (var op in graph.Operators)
        {
            var chosen = op.Options.Select((_, o) => model.NewBoolVar($"opt_{op.Id}_{o}")).ToArray();
            model.AddExactlyOne(chosen);
            if (streamed[op.Id] is { } st)
                model.Add(LinearExpr.Sum(chosen.Where((_, o) => op.Options[o].Streamed)) == st);
            for (var o = 0; o < op.Options.Count; o++)
            {
                var option = op.Options[o];
                if (option.ExtraOffChipBytes > 0)
                    objective.Add(option.ExtraOffChipBytes * (LinearExpr)chosen[o]);
                var h = ScheduleView.Granules(option.WorkingBytes, g);
                if (h == 0)
                    continue;
                if (h > capacity)
                {
                    model.Add(chosen[o] == 0);
                    continue;
                }

                var w = model.NewIntVar(0, capacity - h, $"W_{op.Id}_{o}");
                for (var t = 0; t < n; t++)
                {
                    var present = model.NewBoolVar($"wp_{op.Id}_{o}_{t}");
                    model.AddBoolAnd([x[op.Id, t], chosen[o]]).OnlyEnforceIf(present);
                    model.AddBoolOr([x[op.Id, t].Not(), chosen[o].Not(), present]);
                    noOverlap[t].Add(model.NewOptionalFixedSizeIntervalVar(w, h, present, $"wi_{op.Id}_{o}_{t}"));
                    load[t].Add(h * (LinearExpr)present);
                }
            }
        }

        for (var t = 0; t < n; t++)
        {
            model.AddNoOverlap(noOverlap[t]);
            model.Add(LinearExpr.Sum(load[t]) <= capacity); // redundant: capacity per step
        }

        model.Minimize(LinearExpr.Sum(objective));
        if (freeSteps is not null)
        {
            // Window: operators outside the free steps keep their incumbent step.
            for (var s = 0; s < n; s++)
            {
                if (!freeSteps.Contains(s))
                    model.Add(x[hintOrder![s], s] == 1);
            }
        }

        if (hintOrder is not null)
        {
            for (var s = 0; s < n; s++)
            {
                for (var v = 0; v < n; v++)
                    model.AddHint(x[v, s], hintOrder[s] == v);
            }
        }

        var solver = new CpSolver { StringParameters = options.SolverParameters(options.TimeLimitSeconds) };
        var status = solver.Solve(model);
        if (status == CpSolverStatus.ModelInvalid)
            throw new InvalidOperationException($"graph allocator built an invalid joint CP-SAT model: {model.Validate()}");
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            return (null, status, 0, 0);
        var order = Enumerable.Range(0, n).Select(t => Enumerable.Range(0, n).First(v => solver.BooleanValue(x[v, t]))).ToArray();
        return (order, status, (long)Math.Round(solver.ObjectiveValue), (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6));
    }
}
