using System.Diagnostics;
using Google.OrTools.Sat;

namespace Sim.Mapping.Graph;

/// <summary>
/// Exact scratchpad allocation and replacement for a fixed operator order on CP-SAT ("runs + NoOverlap2D"): per tensor
/// and per gap between consecutive events of length ≥ 2 a keep literal (gaps of 1 step are always kept); one rectangle
/// per event, spanning [e_j, e_j + 1 + (e_{j+1} − e_j − 1)·keep_j) in time and [y_j, y_j + ⌈size/g⌉) in granules;
/// keep_j ⇒ y_{j+1} = y_j; spilled_a ≥ 1 − keep_j; each operator takes exactly one option whose working buffer is a
/// rectangle at its step. One NoOverlap2D over all rectangles plus a redundant cumulative on the time axis.
/// Objective: Σ_a size_a·(spillWrite_a·spilled_a + Σ_j (1 − keep_j)) + Σ_op extra(option) — COSMA Eq.12 in runs form.
/// Streaming: where the operator at event j has a streamed option, the rectangle is optional with presence
/// p_j ≥ 1 − streamed(op); keep_j ⇒ p_j ∧ p_{j+1}, and a 1-step gap is kept iff both ends are present. The objective
/// keeps its form: a dropped gap is followed either by a reload (p = 1, size_a) or a streamed read (p = 0, the consumer's
/// read bytes r ≤ size_a, charged as size_a·(1 − keep) − (size_a − r)·(1 − p)); an absent producer event forces
/// keep_0 = 0, hence spilled_a = 1, which is then the streamed write.
/// </summary>
public static class FixedScheduleAllocator
{
    public static GraphAllocation Solve(ScheduleView view, GraphAllocatorOptions options, GraphAllocation? hint = null, string method = "cp-sat fixed order")
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        options.Check();
        var clock = Stopwatch.StartNew();
        var g = options.AlignmentBytes;
        if (view.CapacityProblem(options.ScratchpadBytes, g) is { } problem)
            return GraphAllocation.NoSolution(method, AllocationStatus.Infeasible, problem, view.Order, clock.Elapsed.TotalSeconds);

        var graph = view.Graph;
        var capacity = ScheduleView.CapacityGranules(graph, options.ScratchpadBytes, g);
        var model = new CpModel();
        var noOverlap = model.AddNoOverlap2D();
        var timeIntervals = new List<IntervalVar>();
        var demands = new List<long>();
        var objective = new List<LinearExpr>();

        // streamed(op) literals exist only for operators with a streamed option, so a graph without any builds the same model as before.
        var streamed = graph.Operators.Select(op => op.CanStream ? model.NewBoolVar($"streamed_{op.Id}") : null).ToArray();
        var keep = new ILiteral?[graph.Tensors.Count][];
        var present = new BoolVar?[graph.Tensors.Count][];
        var address = new IntVar[graph.Tensors.Count][];
        foreach (var tensor in graph.Tensors)
        {
            var events = view.Events[tensor.Id];
            var height = ScheduleView.Granules(tensor.SizeBytes, g);
            keep[tensor.Id] = new ILiteral?[events.Count - 1];
            address[tensor.Id] = new IntVar[events.Count];
            present[tensor.Id] = [.. events.Select(e => streamed[view.Order[e]] is { } s ? Presence(model, s, tensor.Id, e) : null)];
            var p = present[tensor.Id];
            var fits = height <= capacity; // a larger tensor is only ever streamed (the capacity check saw every event can stream)
            if (!fits)
            {
                foreach (var presence in p)
                    model.Add(presence! == 0);
            }

            BoolVar? spilled = null;
            for (var j = 0; j < events.Count; j++)
            {
                var gap = j < events.Count - 1 ? events[j + 1] - events[j] : 1;
                if (j > 0 && keep[tensor.Id][j - 1] is null)
                    address[tensor.Id][j] = address[tensor.Id][j - 1]; // a 1-step gap between present events: kept, same address
                else
                    address[tensor.Id][j] = model.NewIntVar(0, Math.Max(0, capacity - height), $"y_{tensor.Id}_{j}");
                IntervalVar time;
                if (gap >= 2)
                {
                    var k = model.NewBoolVar($"keep_{tensor.Id}_{j}");
                    keep[tensor.Id][j] = k;
                    if (p[j] is { } here)
                        model.AddImplication(k, here);
                    if (p[j + 1] is { } next)
                        model.AddImplication(k, next);
                    var size = 1 + (gap - 1) * (LinearExpr)k;
                    time = p[j] is { } optional
                        ? model.NewOptionalIntervalVar(events[j], size, events[j] + size, optional, $"x_{tensor.Id}_{j}")
                        : model.NewIntervalVar(events[j], size, events[j] + size, $"x_{tensor.Id}_{j}");
                }
                else
                {
                    if (gap == 1 && j < events.Count - 1 && (p[j] is not null || p[j + 1] is not null))
                        keep[tensor.Id][j] = BothPresent(model, p[j], p[j + 1], $"keep_{tensor.Id}_{j}");
                    time = p[j] is { } optional
                        ? model.NewOptionalFixedSizeIntervalVar(events[j], gap, optional, $"x_{tensor.Id}_{j}")
                        : model.NewFixedSizeIntervalVar(events[j], gap, $"x_{tensor.Id}_{j}");
                }

                if (j < events.Count - 1 && keep[tensor.Id][j] is { } kept)
                {
                    objective.Add(tensor.SizeBytes * (1 - (LinearExpr)kept));
                    // An absent next event (never kept) is a streamed read of only what its consumer reads.
                    var readBytes = graph.Operators[view.Order[events[j + 1]]].ReadBytes(tensor.Id);
                    if (p[j + 1] is { } nextPresent && readBytes < tensor.SizeBytes)
                        objective.Add((readBytes - tensor.SizeBytes) * (1 - (LinearExpr)nextPresent));
                    if (!tensor.HasDramCopy)
                    {
                        spilled ??= model.NewBoolVar($"spilled_{tensor.Id}");
                        model.AddImplication(kept.Not(), spilled);
                    }
                }

                if (!fits)
                    continue;
                var space = p[j] is { } optionalSpace
                    ? model.NewOptionalFixedSizeIntervalVar(address[tensor.Id][j], height, optionalSpace, $"a_{tensor.Id}_{j}")
                    : model.NewFixedSizeIntervalVar(address[tensor.Id][j], height, $"a_{tensor.Id}_{j}");
                noOverlap.AddRectangle(time, space);
                timeIntervals.Add(time);
                demands.Add(height);
            }

            for (var j = 0; j < events.Count - 1; j++)
            {
                if (keep[tensor.Id][j] is BoolVar k)
                    model.Add(address[tensor.Id][j + 1] == address[tensor.Id][j]).OnlyEnforceIf(k);
            }

            if (spilled is not null)
                objective.Add(tensor.SizeBytes * (LinearExpr)spilled);
        }

        var chosen = new BoolVar[graph.Operators.Count][];
        var workAddress = new IntVar?[graph.Operators.Count][];
        foreach (var op in graph.Operators)
        {
            var step = view.StepOf[op.Id];
            chosen[op.Id] = [.. op.Options.Select((_, o) => model.NewBoolVar($"opt_{op.Id}_{o}"))];
            workAddress[op.Id] = new IntVar?[op.Options.Count];
            model.AddExactlyOne(chosen[op.Id]);
            if (streamed[op.Id] is { } s)
                model.Add(LinearExpr.Sum(op.Options.Select((o, i) => (o, i)).Where(x => x.o.Streamed).Select(x => chosen[op.Id][x.i])) == s);
            for (var o = 0; o < op.Options.Count; o++)
            {
                var option = op.Options[o];
                if (option.ExtraOffChipBytes > 0)
                    objective.Add(option.ExtraOffChipBytes * (LinearExpr)chosen[op.Id][o]);
                var height = ScheduleView.Granules(option.WorkingBytes, g);
                if (height == 0)
                    continue;
                if (height > capacity)
                {
                    model.Add(chosen[op.Id][o] == 0);
                    continue;
                }

                var y = model.NewIntVar(0, capacity - height, $"w_{op.Id}_{o}");
                workAddress[op.Id][o] = y;
                var time = model.NewOptionalFixedSizeIntervalVar(step, 1, chosen[op.Id][o], $"wx_{op.Id}_{o}");
                noOverlap.AddRectangle(time, model.NewOptionalFixedSizeIntervalVar(y, height, chosen[op.Id][o], $"wa_{op.Id}_{o}"));
                timeIntervals.Add(time);
                demands.Add(height);
            }
        }

        // Redundant: the resident granules at any step fit the capacity (a much stronger bound than NoOverlap2D alone).
        var cumulative = model.AddCumulative(capacity);
        for (var i = 0; i < timeIntervals.Count; i++)
            cumulative.AddDemand(timeIntervals[i], demands[i]);
        model.Minimize(objective.Count == 0 ? LinearExpr.Constant(0) : LinearExpr.Sum(objective));
        if (hint is { HasSolution: true } && hint.Order.SequenceEqual(view.Order))
            AddHint(model, view, hint, keep, present, address, chosen, workAddress, g);

        // With optional (streamable) rectangles, CP-SAT's default pairwise-Boolean encoding of small NoOverlap2D components
        // makes propagation crawl (ResNet-50 at 640 KB, given order: 14 s → 0.2 s without it, same optimum). Graphs
        // without streamed options keep the default parameters, so their results are unchanged.
        var parameters = options.SolverParameters(options.TimeLimitSeconds)
            + (streamed.Any(s => s is not null) ? " no_overlap_2d_boolean_relations_limit:0" : "");
        var solver = new CpSolver { StringParameters = parameters };
        var status = solver.Solve(model);
        var seconds = clock.Elapsed.TotalSeconds;
        switch (status)
        {
            case CpSolverStatus.Infeasible:
                return GraphAllocation.NoSolution(method, AllocationStatus.Infeasible,
                    $"every step fits the {options.ScratchpadBytes}-byte scratchpad by size, but no address assignment does (fragmentation of tensors that cannot be spilled)", view.Order, seconds);
            case CpSolverStatus.Unknown:
                return GraphAllocation.NoSolution(method, AllocationStatus.Unknown, $"no solution found within {options.TimeLimitSeconds} s", view.Order, seconds);
            case CpSolverStatus.ModelInvalid:
                throw new InvalidOperationException($"graph allocator built an invalid CP-SAT model: {model.Validate()}");
        }

        var keepValues = graph.Tensors.Select(t => keep[t.Id].Select(k => k is null || solver.BooleanValue(k)).ToArray()).ToArray();
        var presentValues = graph.Tensors.Select(t => present[t.Id].Select(p => p is null || solver.BooleanValue(p)).ToArray()).ToArray();
        var addresses = graph.Tensors.Select(t => address[t.Id].Select(y => solver.Value(y) * g).ToArray()).ToArray();
        var picked = graph.Operators.Select(op => Array.FindIndex(chosen[op.Id], c => solver.BooleanValue(c))).ToArray();
        var work = graph.Operators.Select(op => workAddress[op.Id][picked[op.Id]] is { } y ? solver.Value(y) * g : 0).ToArray();
        return AllocationAssembler.Build(method, status == CpSolverStatus.Optimal ? AllocationStatus.Optimal : AllocationStatus.Feasible,
            view, keepValues, presentValues, addresses, picked, work, (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6), seconds);
    }

    /// <summary>Present at event <paramref name="step"/> unless its operator runs streamed (p ≥ 1 − streamed).</summary>
    private static BoolVar Presence(CpModel model, BoolVar streamed, int tensor, int step)
    {
        var p = model.NewBoolVar($"present_{tensor}_{step}");
        model.AddBoolOr([p, streamed]);
        return p;
    }

    /// <summary>A literal equal to "both events present" (a null side is always present).</summary>
    private static BoolVar BothPresent(CpModel model, BoolVar? a, BoolVar? b, string name)
    {
        if (a is null || b is null)
            return (a ?? b)!;
        var both = model.NewBoolVar(name);
        model.AddBoolAnd([a, b]).OnlyEnforceIf(both);
        model.AddBoolOr([a.Not(), b.Not(), both]);
        return both;
    }

    /// <summary>Hints a complete solution for the same order (e.g. the baseline's), so the solver never returns worse.</summary>
    private static void AddHint(CpModel model, ScheduleView view, GraphAllocation hint, ILiteral?[][] keep, BoolVar?[][] present, IntVar[][] address,
        BoolVar[][] chosen, IntVar?[][] workAddress, long g)
    {
        foreach (var tensor in view.Graph.Tensors)
        {
            var events = view.Events[tensor.Id];
            var runs = hint.Runs.Where(r => r.TensorId == tensor.Id).ToList();
            for (var j = 0; j < events.Count; j++)
            {
                var run = runs.FirstOrDefault(r => r.StartStep <= events[j] && events[j] < r.EndStep);
                if (present[tensor.Id][j] is { } p)
                    model.AddHint(p, run is not null);
                if (run is not null && (j == 0 || !ReferenceEquals(address[tensor.Id][j], address[tensor.Id][j - 1])))
                    model.AddHint(address[tensor.Id][j], run.AddressBytes / g);
                if (j < events.Count - 1 && keep[tensor.Id][j] is BoolVar k && !ReferenceEquals(k, present[tensor.Id][j]) && !ReferenceEquals(k, present[tensor.Id][j + 1]))
                    model.AddHint(k, run is not null && events[j + 1] < run.EndStep);
            }
        }

        foreach (var op in view.Graph.Operators)
        {
            var o = hint.ChosenOption[op.Id];
            for (var i = 0; i < chosen[op.Id].Length; i++)
                model.AddHint(chosen[op.Id][i], i == o);
            if (workAddress[op.Id][o] is { } y)
                model.AddHint(y, hint.WorkingBuffers.First(w => w.OperatorId == op.Id).AddressBytes / g);
        }
    }
}
