using Google.OrTools.Sat;
using Sim.Arch.LoopNest;
using Sim.Core.Mapping;

namespace Sim.Mapping.Layers;

/// <summary>
/// <see cref="LoopNestModel"/> encoded exactly in CP-SAT integers over the <see cref="Mapspace"/>:
/// exponent variables e[d,p,slot] (Σ_slot e = m); factor and tile extents from tables over the exponents; fan-out
/// products ≤ axis sizes; one Boolean per spatial layout (a layout forbids dims on axes: their exponents there are 0);
/// footprints as products (the input window (p−1)·min(stride, r) + r from a product and a min); register
/// and scratchpad capacities; per level the class products, a class order (6 Booleans) and the reuse literals, hence
/// tile-change counts, fills, deliveries, bytes, ⌈bytes/bandwidth⌉, latency = max(compute, DRAM) and energy in fJ.
/// Every count is also bounded by a theorem (|tensor| ≤ fills and deliveries ≤ MACs, see <see cref="CountFloor"/>
/// and <see cref="CountCap"/>).
/// </summary>
internal sealed class CpSatLayerModel
{
    private readonly LoopNestProblem problem;
    private readonly LoopNestHierarchy hierarchy;
    private readonly CpSatBuilder b;
    private readonly int axes;
    private readonly int slots;
    private readonly Dictionary<LoopDim, IReadOnlyList<(long Prime, int Exponent)>> primes = [];
    private readonly Dictionary<(LoopDim Dim, int Prime, int Slot), IntVar> exponents = [];
    private readonly Dictionary<(LoopDim Dim, int Slot), CpSatQuantity> factors = [];
    private readonly Dictionary<DataSpace, BoolVar> stationary = [];
    private readonly List<(SpatialLayout Layout, BoolVar Literal)> layouts = [];
    private readonly BoolVar[][] orders;   // [level: 0 scratchpad, 1 DRAM][class order]
    private readonly Dictionary<(int Level, DataSpace Space), CpSatQuantity> kept = [];

    public CpSatLayerModel(LoopNestProblem problem, LoopNestHierarchy hierarchy)
    {
        this.problem = problem;
        this.hierarchy = hierarchy;
        Model = new CpModel();
        b = new CpSatBuilder(Model);
        axes = hierarchy.AxisSizes.Count;
        slots = Mapspace.SlotCount(axes);
        orders = [NewOrder("spm"), NewOrder("dram")];
        Build();
    }

    public CpModel Model { get; }

    public CpSatQuantity Latency { get; private set; } = null!;

    public CpSatQuantity Energy { get; private set; } = null!;

    public long LatencyLowerBound => Math.Max(1, (problem.Macs + hierarchy.PeCount - 1) / hierarchy.PeCount);

    public long EnergyLowerBound => checked(problem.Macs * hierarchy.Energy.MacFj);

    /// <summary>The decision variables (exponents, stationary, orders) — everything else follows from them.</summary>
    public IEnumerable<IntVar> Decisions =>
        exponents.Values.Concat(stationary.Values).Concat(orders.SelectMany(o => o));

    public LoopNestMapping Decode(CpSolver solver)
    {
        DimVector Slot(int s) => DimVector.From(d => solver.Value(factors[(d, s)].Var));
        var chosen = stationary.Single(s => solver.BooleanValue(s.Value)).Key;
        IReadOnlyList<LoopDim> Order(int level) => Mapspace.DimOrder(Mapspace.ClassOrders[Array.FindIndex(orders[level], solver.BooleanValue)]);
        return new LoopNestMapping(chosen, Slot(0), [.. Enumerable.Range(1, axes).Select(Slot)], Slot(axes + 1), Slot(axes + 2), Order(0), Order(1));
    }

    /// <summary>Hints the decision variables with a mapping whose orders are class orders (greedy or a previous solve).</summary>
    public void Hint(LoopNestMapping mapping)
    {
        Model.ClearHints();
        foreach (var ((dim, prime, slot), variable) in exponents)
        {
            var factor = SlotFactor(mapping, dim, slot);
            var p = primes[dim][prime].Prime;
            var exponent = 0;
            while (factor % p == 0)
            {
                factor /= p;
                exponent++;
            }

            Model.AddHint(variable, exponent);
        }

        foreach (var (space, literal) in stationary)
            Model.AddHint(literal, space == mapping.Stationary ? 1 : 0);
        foreach (var (level, order) in new[] { (0, mapping.ScratchpadOrder), (1, mapping.DramOrder) })
        {
            for (var i = 0; i < Mapspace.ClassOrders.Count; i++)
                Model.AddHint(orders[level][i], Mapspace.DimOrder(Mapspace.ClassOrders[i]).SequenceEqual(order) ? 1 : 0);
        }

        HintLayout(mapping);
    }

    /// <summary>Hints the first layout that allows the mapping's unrolling (none if it is illegal).</summary>
    private void HintLayout(LoopNestMapping mapping)
    {
        var first = layouts.FindIndex(l => l.Layout.Allows(mapping.Stationary, mapping.Spatial));
        for (var i = 0; i < layouts.Count; i++)
            Model.AddHint(layouts[i].Literal, i == first ? 1 : 0);
    }

    /// <summary>Fixes every decision to <paramref name="mapping"/>'s (orders must be class orders): the model then
    /// has one solution, whose latency and energy must be the loop-nest model's (the encoding's unit test).</summary>
    public void Fix(LoopNestMapping mapping)
    {
        Hint(mapping);
        foreach (var ((dim, prime, slot), variable) in exponents)
        {
            var factor = SlotFactor(mapping, dim, slot);
            var p = primes[dim][prime].Prime;
            var exponent = 0;
            while (factor % p == 0)
            {
                factor /= p;
                exponent++;
            }

            Model.Add(variable == exponent);
        }

        foreach (var (space, literal) in stationary)
            Model.Add(literal == (space == mapping.Stationary ? 1 : 0));
        foreach (var (level, order) in new[] { (0, mapping.ScratchpadOrder), (1, mapping.DramOrder) })
        {
            for (var i = 0; i < Mapspace.ClassOrders.Count; i++)
                Model.Add(orders[level][i] == (Mapspace.DimOrder(Mapspace.ClassOrders[i]).SequenceEqual(order) ? 1 : 0));
        }
    }

    /// <summary>Whether <paramref name="order"/> is one of the class orders (the hint needs one).</summary>
    public static bool IsClassOrder(IReadOnlyList<LoopDim> order) =>
        Mapspace.ClassOrders.Any(c => Mapspace.DimOrder(c).SequenceEqual(order));

    private long SlotFactor(LoopNestMapping mapping, LoopDim dim, int slot) =>
        slot == 0 ? mapping.Register[dim]
        : slot <= axes ? mapping.Spatial[slot - 1][dim]
        : slot == axes + 1 ? mapping.Scratchpad[dim]
        : mapping.Dram[dim];

    private BoolVar[] NewOrder(string level)
    {
        var literals = Mapspace.ClassOrders.Select((_, i) => Model.NewBoolVar($"order_{level}_{i}")).ToArray();
        Model.AddExactlyOne(literals);
        return literals;
    }

    private void Build()
    {
        foreach (var space in hierarchy.StationaryOptions)
            stationary[space] = Model.NewBoolVar($"stationary_{space}");
        Model.AddExactlyOne(stationary.Values);

        // Exponents and per-slot factors; cumulative extents (spatial total, array tile, scratchpad tile).
        var spatialSlots = Enumerable.Range(1, axes).ToArray();
        var spatial = new Dictionary<LoopDim, CpSatQuantity>();
        var arrayTile = new Dictionary<LoopDim, CpSatQuantity>();
        var spmTile = new Dictionary<LoopDim, CpSatQuantity>();
        foreach (var dim in LoopDims.All)
        {
            primes[dim] = Mapspace.PrimeFactors(problem.Bounds[dim]);
            for (var i = 0; i < primes[dim].Count; i++)
            {
                var row = Enumerable.Range(0, slots).Select(s => Model.NewIntVar(0, primes[dim][i].Exponent, $"e_{dim}_{primes[dim][i].Prime}_{s}")).ToArray();
                for (var s = 0; s < slots; s++)
                    exponents[(dim, i, s)] = row[s];
                Model.Add(LinearExpr.Sum(row) == primes[dim][i].Exponent);
            }

            for (var s = 0; s < slots; s++)
                factors[(dim, s)] = Extent(dim, [s], $"f_{dim}_{s}");
            spatial[dim] = axes == 1 ? factors[(dim, 1)] : Extent(dim, spatialSlots, $"spatial_{dim}");
            arrayTile[dim] = Extent(dim, [0, .. spatialSlots], $"array_{dim}");
            spmTile[dim] = Extent(dim, [.. Enumerable.Range(0, axes + 2)], $"spm_{dim}");
        }

        // Fan-out per axis.
        var fanOut = Enumerable.Range(0, axes)
            .Select(axis => b.Product($"fanout_{axis}", LoopDims.All.Select(d => factors[(d, 1 + axis)]), hierarchy.AxisSizes[axis])).ToList();

        AddLayouts();

        // Register: the stationary tensor's per-PE footprint.
        foreach (var (space, literal) in stationary)
        {
            var words = Footprint(space, d => factors[(d, 0)], $"reg_{space}");
            Model.Add(words.Var <= hierarchy.RegisterWords).OnlyEnforceIf(literal);
        }

        // Scratchpad tiles: the partition's capacity is the footprint's domain.
        var spmFootprint = DataSpaces.All.ToDictionary(v => v, v =>
            Footprint(v, d => spmTile[d], $"spmfoot_{v}", hierarchy.ScratchpadBytes[v] / Width(v)));

        // Loop classes per level, reuse, tile changes.
        var levelSlots = new[] { axes + 1, axes + 2 };
        var classProduct = new CpSatQuantity[2][];
        var nonTrivial = new BoolVar[2][];
        var levelProduct = new CpSatQuantity[2];
        var changes = new Dictionary<DataSpace, CpSatQuantity>[2];
        for (var level = 0; level < 2; level++)
        {
            var slot = levelSlots[level];
            var l = level;
            classProduct[level] = [.. Mapspace.Classes.Select((dims, c) => b.Product($"class_{l}_{c}", dims.Select(d => factors[(d, slot)])))];
            nonTrivial[level] = [.. classProduct[level].Select((q, c) => b.AboveOne($"nt_{l}_{c}", q))];
            levelProduct[level] = b.Product($"level_{level}", classProduct[level]);
            changes[level] = DataSpaces.All.ToDictionary(v => v, v => Changes(l, v, classProduct[l], nonTrivial[l]));
        }

        // Stationary tensor across both levels: scratchpad changes × (DRAM changes if the scratchpad's other classes
        // are trivial, so the reuse run continues into the DRAM level; all DRAM iterations otherwise).
        var changesAll = new Dictionary<DataSpace, CpSatQuantity>();
        foreach (var space in stationary.Keys)
        {
            var others = Enumerable.Range(0, 3).Where(c => c != Mapspace.IrrelevantClass(space)).ToArray();
            var continues = Model.NewBoolVar($"continue_{space}");
            Model.AddBoolAnd([nonTrivial[0][others[0]].Not(), nonTrivial[0][others[1]].Not()]).OnlyEnforceIf(continues);
            Model.AddBoolOr([nonTrivial[0][others[0]], nonTrivial[0][others[1]]]).OnlyEnforceIf(continues.Not());
            var dramPart = b.Choose($"dram_part_{space}", continues, changes[1][space], levelProduct[1]);
            // ≤ MACs: a product of loop factors over disjoint slots (the factors' own bounds would give MACs²).
            changesAll[space] = b.Product($"changes_all_{space}", [changes[0][space], dramPart], problem.Macs);
        }

        var folds = b.Product("folds", levelProduct, problem.Macs);
        var registerIterations = b.Product("reg_iter", LoopDims.All.Select(d => factors[(d, 0)]));
        var iterations = b.Product("iterations", [folds, registerIterations], problem.Macs);

        // Redundant (implied) constraints that give the search its bounds: iterations × PEs used = MACs, and at each
        // level the tile's MACs × the loops above it = MACs. Without them CP-SAT's bound on latency is near 0.
        var pesUsed = b.Product("pes_used", fanOut, hierarchy.PeCount);
        Model.AddMultiplicationEquality(LinearExpr.Constant(problem.Macs), [iterations.Var, pesUsed.Var]);
        var spmTileMacs = b.Product("spm_tile_macs", LoopDims.All.Select(d => spmTile[d]), problem.Macs);
        Model.AddMultiplicationEquality(LinearExpr.Constant(problem.Macs), [spmTileMacs.Var, levelProduct[1].Var]);

        var fills = DataSpaces.All.ToDictionary(v => v, v => b.Product($"fills_{v}", [spmFootprint[v], changes[1][v]], CountCap(v), CountFloor(v)));
        var deliveries = DataSpaces.All.ToDictionary(v => v, v =>
        {
            CpSatQuantity? held = stationary.ContainsKey(v)
                ? b.Product($"held_{v}", [Footprint(v, d => arrayTile[d], $"arrayfoot_{v}"), changesAll[v]], CountCap(v), CountFloor(v))
                : null;
            CpSatQuantity? streamed = stationary.Count == 1 && held is not null
                ? null
                : b.Product($"streamed_{v}", [Footprint(v, d => spatial[d], $"spatialfoot_{v}"), iterations], CountCap(v), CountFloor(v));
            if (streamed is not null && v != DataSpace.Inputs)
            {
                // Implied: a streamed weight/output is read once per array step and shared by the PEs that differ only
                // in its irrelevant dims, so streamed × (spatial product of its irrelevant dims) = MACs.
                var shared = b.Product($"shared_{v}", LoopDims.All.Where(d => !v.IsRelevant(d)).Select(d => spatial[d]));
                Model.AddMultiplicationEquality(LinearExpr.Constant(problem.Macs), [streamed.Var, shared.Var]);
            }

            return held is null ? streamed! : streamed is null ? held : b.Choose($"deliveries_{v}", stationary[v], held, streamed);
        });

        // Implied: a weight/output tile's footprint × its irrelevant extents = tile MACs, and the DRAM loops it is
        // refetched over × the reused ones = DRAM iterations, so fills × irrelevant extents × reused DRAM loops = MACs.
        foreach (var v in new[] { DataSpace.Weights, DataSpace.Outputs })
        {
            var irrelevantExtents = b.Product($"spm_irrelevant_{v}", LoopDims.All.Where(d => !v.IsRelevant(d)).Select(d => spmTile[d]));
            var reusedLoops = kept[(1, v)];
            Model.AddMultiplicationEquality(LinearExpr.Constant(problem.Macs), [fills[v].Var, irrelevantExtents.Var, reusedLoops.Var]);
        }

        // Compute cycles: iterations + folds × the stationary tensor's per-tile overhead.
        var overheads = stationary.Keys.Select(v => hierarchy.TileOverheadCycles[v]).Distinct().ToList();
        CpSatQuantity overhead;
        if (overheads.Count == 1)
        {
            overhead = overheads[0] == 0 ? b.Var(0, 0, "overhead") : b.Product("overhead", [folds, Constant(overheads[0])]);
        }
        else
        {
            var perTile = b.Equal("overhead_per_tile", LinearExpr.WeightedSum(stationary.Values, stationary.Keys.Select(v => hierarchy.TileOverheadCycles[v])),
                overheads.Min(), overheads.Max());
            overhead = perTile.Ub == 0 ? perTile : b.Product("overhead", [folds, perTile]);
        }

        var compute = b.Equal("compute", iterations.Var + overhead.Var, 1, CpSatBuilder.Saturate((Int128)iterations.Ub + overhead.Ub));

        // Bytes (as LoopNestModel): outputs' fills beyond |O| are partial sums spilled and read back.
        long word = hierarchy.WordBytes, psum = hierarchy.PartialSumBytes, outputs = problem.Size(DataSpace.Outputs);
        LinearExpr F(DataSpace v) => fills[v].Var;
        LinearExpr D(DataSpace v) => deliveries[v].Var;
        var dramBytesExpr = (word * (F(DataSpace.Weights) + F(DataSpace.Inputs))) + (2 * psum * F(DataSpace.Outputs)) + ((word - (2 * psum)) * outputs);
        var dramUb = CpSatBuilder.Saturate((word * ((Int128)fills[DataSpace.Weights].Ub + fills[DataSpace.Inputs].Ub)) + (2 * psum * (Int128)fills[DataSpace.Outputs].Ub)
            + (Math.Max(0, word - (2 * psum)) * (Int128)outputs));
        var dramBytes = b.Equal("dram_bytes", dramBytesExpr, 0, dramUb);
        CpSatQuantity dramCycles;
        if (DramRate.FromBytesPerCycle(hierarchy.DramBytesPerCycle) is { } rate)
        {
            dramCycles = b.Var(0, CpSatBuilder.Saturate((((Int128)dramUb * rate.Cycles) / rate.Bytes) + 1), "dram_cycles");
            Model.AddLinearConstraint((rate.Bytes * dramCycles.Var) - (rate.Cycles * dramBytes.Var), 0, rate.Bytes - 1);
        }
        else
        {
            dramCycles = b.Var(0, 0, "dram_cycles");
        }

        Latency = b.Var(Math.Max(1, compute.Lb), Math.Max(compute.Ub, dramCycles.Ub), "latency");
        Model.AddMaxEquality(Latency.Var, [compute.Var, dramCycles.Var]);

        var spmRead = (word * (D(DataSpace.Weights) + D(DataSpace.Inputs))) + (psum * (D(DataSpace.Outputs) + F(DataSpace.Outputs))) - (psum * outputs);
        var spmWrite = (word * (F(DataSpace.Weights) + F(DataSpace.Inputs))) + (psum * (D(DataSpace.Outputs) + F(DataSpace.Outputs))) - (psum * outputs);
        var e = hierarchy.Energy;
        var energyExpr = (e.SramReadFjPerByte * spmRead) + (e.SramWriteFjPerByte * spmWrite) + (e.DramFjPerByte * dramBytes.Var) + (problem.Macs * e.MacFj);
        Int128 countsUb = DataSpaces.All.Aggregate((Int128)0, (a, v) => a + fills[v].Ub + deliveries[v].Ub);
        var energyUb = CpSatBuilder.Saturate((problem.Macs * (Int128)e.MacFj)
            + (countsUb * Math.Max(word, psum) * 2 * (e.SramReadFjPerByte + e.SramWriteFjPerByte)) + ((Int128)dramUb * e.DramFjPerByte));
        Energy = b.Equal("energy", energyExpr, 0, energyUb);
    }

    /// <summary>Fills and deliveries of every tensor are at least its size: a tile changes at least once per iteration
    /// of the loops relevant to its tensor, so the tiles visited cover the tensor. For inputs this needs the window
    /// W(p, r) = (p−1)·min(s, r) + r to be sub-multiplicative: splitting p = a·p' and r = b·r' over outer loops,
    /// min(s, b·r') ≤ b·min(s, r') gives W(a·p', b·r') ≤ (a·p' − 1)·b·m + b·r' (m = min(s, r')), and a·b·W(p', r')
    /// exceeds that by b·(a − 1)·(r' − m) ≥ 0.</summary>
    private long CountFloor(DataSpace space) => problem.Size(space);

    /// <summary>Fills and deliveries never exceed MACs: a tile's footprint is at most its MACs (inputs too, as
    /// (p−1)·min(s, r) + r ≤ p·r), and a tile changes at most MACs ÷ tile MACs times.</summary>
    private long CountCap(DataSpace space) => problem.Macs;

    private long Width(DataSpace space) => space == DataSpace.Outputs ? hierarchy.PartialSumBytes : hierarchy.WordBytes;

    private CpSatQuantity Constant(long value) => new(Model.NewConstant(value), value, value);

    /// <summary>Times tensor v's tile below a level changes over that level's loops: the product of the level's loops
    /// except its irrelevant class's when no non-trivial class is ordered inside that class (the reuse literal).</summary>
    private CpSatQuantity Changes(int level, DataSpace space, CpSatQuantity[] classProduct, BoolVar[] nonTrivial)
    {
        var irrelevant = Mapspace.IrrelevantClass(space);
        var reused = Model.NewBoolVar($"reuse_{level}_{space}");
        for (var i = 0; i < Mapspace.ClassOrders.Count; i++)
        {
            var order = Mapspace.ClassOrders[i];
            var inner = order.Skip(order.ToList().IndexOf(irrelevant) + 1).ToList();
            var chosen = orders[level][i];
            foreach (var c in inner)
                Model.AddBoolOr([chosen.Not(), reused.Not(), nonTrivial[c].Not()]);
            Model.AddBoolOr([chosen.Not(), reused, .. inner.Select(c => (ILiteral)nonTrivial[c])]);
        }

        var notKept = classProduct[irrelevant].IsOne ? b.One : b.Choose($"not_kept_{level}_{space}", reused, b.One, classProduct[irrelevant]);
        kept[(level, space)] = classProduct[irrelevant].IsOne ? b.One : b.Choose($"kept_{level}_{space}", reused, classProduct[irrelevant], b.One);
        var others = Enumerable.Range(0, 3).Where(c => c != irrelevant).Select(c => classProduct[c]);
        return b.Product($"changes_{level}_{space}", [.. others, notKept]);
    }

    /// <summary>Elements of a tensor in a tile with the given extents (LoopNestProblem.Footprint, exactly).</summary>
    private CpSatQuantity Footprint(DataSpace space, Func<LoopDim, CpSatQuantity> extent, string name, long cap = CpSatBuilder.Limit)
    {
        IEnumerable<CpSatQuantity> terms = space switch
        {
            DataSpace.Weights => [extent(LoopDim.K), extent(LoopDim.C), extent(LoopDim.R), extent(LoopDim.S)],
            DataSpace.Outputs => [extent(LoopDim.N), extent(LoopDim.K), extent(LoopDim.P), extent(LoopDim.Q)],
            _ => [extent(LoopDim.N), extent(LoopDim.C),
                Window(extent(LoopDim.P), extent(LoopDim.R), problem.StrideH, $"{name}_h"),
                Window(extent(LoopDim.Q), extent(LoopDim.S), problem.StrideW, $"{name}_w")],
        };
        return b.Product(name, terms, cap);
    }

    /// <summary>(p − 1)·min(stride, r) + r input rows (<see cref="LoopNestProblem.WindowRows"/>): linear when r ≥ stride
    /// always, p·r when r ≤ stride always, otherwise m = min(stride, r) and p·m − m + r.</summary>
    private CpSatQuantity Window(CpSatQuantity p, CpSatQuantity r, long stride, string name)
    {
        if (p.IsOne)
            return r;
        var lb = LoopNestProblem.WindowRows(p.Lb, r.Lb, stride);
        var ub = LoopNestProblem.WindowRows(p.Ub, r.Ub, stride);
        if (r.Lb >= stride)
            return b.Equal(name, (stride * p.Var) + r.Var - stride, lb, ub);
        if (r.Ub <= stride)
            return b.Product(name, [p, r]);
        var min = b.Var(Math.Min(stride, r.Lb), stride, $"{name}_min");
        Model.AddMinEquality(min.Var, [r.Var, LinearExpr.Constant(stride)]);
        var product = b.Product($"{name}_pm", [p, min]);
        return b.Equal(name, product.Var - min.Var + r.Var, lb, ub);
    }

    /// <summary>Exactly one layout, of the chosen stationary tensor; it zeroes the exponents of every dim it does not
    /// allow on an axis. No layouts (null): any dims on any axis.</summary>
    private void AddLayouts()
    {
        if (hierarchy.Layouts is null)
            return;
        foreach (var layout in hierarchy.Layouts.Where(l => stationary.ContainsKey(l.Stationary)))
        {
            if (layout.AxisDims.Count != axes)
                throw new ArgumentException($"layout '{layout.Name}' has {layout.AxisDims.Count} axes; the array has {axes}", nameof(hierarchy));
            var literal = Model.NewBoolVar($"layout_{layouts.Count}");
            Model.AddImplication(literal, stationary[layout.Stationary]);
            for (var axis = 0; axis < axes; axis++)
            {
                foreach (var dim in LoopDims.All.Where(d => !layout.AxisDims[axis].Contains(d)))
                {
                    for (var i = 0; i < primes[dim].Count; i++)
                        Model.Add(exponents[(dim, i, 1 + axis)] == 0).OnlyEnforceIf(literal);
                }
            }

            layouts.Add((layout, literal));
        }

        Model.AddExactlyOne(layouts.Select(l => l.Literal));
    }

    /// <summary>The product of a dim's factors over <paramref name="slotSet"/>: a table from the summed exponents.</summary>
    private CpSatQuantity Extent(LoopDim dim, int[] slotSet, string name)
    {
        var dimPrimes = primes[dim];
        if (dimPrimes.Count == 0)
            return b.One;
        var sums = new List<IntVar>();
        for (var i = 0; i < dimPrimes.Count; i++)
        {
            if (slotSet.Length == 1)
            {
                sums.Add(exponents[(dim, i, slotSet[0])]);
                continue;
            }

            var sum = Model.NewIntVar(0, dimPrimes[i].Exponent, $"{name}_x{i}");
            Model.Add(sum == LinearExpr.Sum(slotSet.Select(s => exponents[(dim, i, s)])));
            sums.Add(sum);
        }

        var target = b.Var(1, problem.Bounds[dim], name);
        var table = Model.AddAllowedAssignments([.. sums, target.Var]);
        foreach (var combo in ExponentCombos(dimPrimes))
        {
            long value = 1;
            for (var i = 0; i < combo.Length; i++)
                value *= Mapspace.Power(dimPrimes[i].Prime, combo[i]);
            table.AddTuple([.. combo.Select(x => (long)x), value]);
        }

        return target;
    }

    private static IEnumerable<int[]> ExponentCombos(IReadOnlyList<(long Prime, int Exponent)> dimPrimes)
    {
        IEnumerable<int[]> combos = [[]];
        foreach (var (_, exponent) in dimPrimes)
            combos = combos.SelectMany(c => Enumerable.Range(0, exponent + 1).Select(x => (int[])[.. c, x])).ToList();
        return combos;
    }
}
