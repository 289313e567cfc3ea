namespace Sim.Explorer.Import.Timeloop;

/// <summary>One spatial axis of a convolution: the input is indexed by filter·dilation + output·stride.</summary>
internal sealed record SlidingAxis(long Filter, long Output, long Stride, long Dilation, long Extent, long Pad)
{
    /// <summary>The trivial axis of a 1-D convolution's missing dimension.</summary>
    public static SlidingAxis Unit { get; } = new(1, 1, 1, 1, 1, 0);

    /// <summary>Input positions the outputs touch with no padding: (Output − 1)·Stride + (Filter − 1)·Dilation + 1.</summary>
    public static long TouchedExtent(long filter, long output, long stride, long dilation) =>
        checked(((output - 1) * stride) + ((filter - 1) * dilation) + 1);
}

/// <summary>What a Timeloop einsum is, once its structure is recognised (names play no part).</summary>
internal abstract record TimeloopEinsumKind;

/// <summary>Channels and Filters are per group; <see cref="Width"/> is the first sliding axis of the input's projection.</summary>
internal sealed record ConvEinsum(long Batch, long Channels, long Filters, long Groups, SlidingAxis Width, SlidingAxis Height) : TimeloopEinsumKind;

/// <summary>Z[M,N] = A[M,K]·B[K,N], <see cref="Batch"/> independent times.</summary>
internal sealed record GemmEinsum(long M, long N, long K, long Batch) : TimeloopEinsumKind;

/// <summary>
/// Recognises the two einsums Sim models by the structure of their projections, not by their names:
/// a GEMM (every axis one bare dimension; each dimension shared by exactly two or all three tensors; some dimension
/// reduced) and a CNN layer (one input indexed on one or two axes by filter·dilation + output·stride sums). Dimensions
/// in all three tensors are batches of independent GEMMs, or convolution groups.
/// </summary>
internal static class TimeloopEinsum
{
    private const string Supported = "Sim imports Timeloop's CNN layer (cnn-layer.yaml: Weights[C,M,R,S], Inputs[N,C,R·Wdilation+P·Wstride,S·Hdilation+Q·Hstride], Outputs[N,M,Q,P], optionally with a group dimension in all three) and GEMM (gemm_ABZ.yaml: A[M,K], B[N,K], Z[M,N], optionally batched), under any names";

    [Flags]
    private enum Role
    {
        None = 0,
        First = 1, // the first input data space (Weights for a conv, A for a GEMM)
        Second = 2,
        Output = 4,
    }

    public static TimeloopEinsumKind Match(TimeloopProblem problem)
    {
        var spaces = problem.DataSpaces;
        var outputs = spaces.Where(s => s.ReadWrite).ToList();
        if (spaces.Count != 3 || outputs.Count != 1)
        {
            throw problem.Shape.Error(
                $"shape '{problem.ShapeName}' has {spaces.Count} data spaces ({string.Join(", ", spaces.Select(s => s.Name + (s.ReadWrite ? " (read_write)" : "")))}); Sim's ops have two inputs and one output marked read_write",
                Supported);
        }

        foreach (var space in spaces)
        {
            var repeated = space.DimensionNames.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
                throw space.Node.Error($"dimension '{repeated.Key}' indexes data space '{space.Name}' twice", Supported);
        }

        foreach (var unused in problem.Dimensions.Where(d => !spaces.Any(s => s.DimensionNames.Contains(d))))
        {
            if (problem.Sizes[unused] != 1)
                throw problem.Instance.KeyError(unused, $"dimension '{unused}' (size {problem.Sizes[unused]}) indexes no data space, so Timeloop repeats the whole einsum {problem.Sizes[unused]} times",
                    $"set '{unused}: 1', or model the repetition as separate ops");
        }

        var inputs = spaces.Where(s => !s.ReadWrite).ToList();
        var output = outputs[0];
        var sliding = spaces.Where(s => s.Axes.Any(a => a.Count > 1)).ToList();
        if (sliding.Count == 0)
            return MatchGemm(problem, inputs[0], inputs[1], output);
        if (sliding.Count > 1 || ReferenceEquals(sliding[0], output))
        {
            throw sliding[^1].Node.Error($"data spaces {string.Join(" and ", sliding.Select(s => $"'{s.Name}'"))} have sum-of-products axes; a CNN layer has them on its input only",
                Supported);
        }

        var image = sliding[0];
        var weights = inputs.Single(s => !ReferenceEquals(s, image));
        return MatchConv(problem, weights, image, output);
    }

    private static GemmEinsum MatchGemm(TimeloopProblem problem, TimeloopDataSpace a, TimeloopDataSpace b, TimeloopDataSpace z)
    {
        CheckUnitCoefficients([a, b, z]);
        if (problem.InputExtent.Count > 0)
        {
            var key = problem.InputExtent.First();
            throw key.Value.Node.Error($"'{key.Key}' describes a convolution's input, but shape '{problem.ShapeName}' is a GEMM", $"remove {string.Join(", ", problem.InputExtent.Keys)} from the instance");
        }

        var roles = Roles(problem, a, b, z);
        long Product(Role role) => roles.Where(p => p.Value == role).Aggregate(1L, (acc, p) => checked(acc * problem.Sizes[p.Key]));
        CheckRoles(problem, roles, [Role.First | Role.Output, Role.Second | Role.Output, Role.First | Role.Second, Role.First | Role.Second | Role.Output],
            $"in a GEMM every dimension is shared by A and Z (M), B and Z (N), A and B (K) or all three (batch); here A = '{a.Name}', B = '{b.Name}', Z = '{z.Name}'");
        if (!roles.ContainsValue(Role.First | Role.Second))
        {
            throw problem.Shape.Error($"no dimension is shared by '{a.Name}' and '{b.Name}' alone, so nothing is reduced: an elementwise or outer product, not a GEMM",
                Supported);
        }

        return new GemmEinsum(Product(Role.First | Role.Output), Product(Role.Second | Role.Output), Product(Role.First | Role.Second),
            Product(Role.First | Role.Second | Role.Output));
    }

    private static ConvEinsum MatchConv(TimeloopProblem problem, TimeloopDataSpace weights, TimeloopDataSpace image, TimeloopDataSpace output)
    {
        CheckUnitCoefficients([weights, output]);
        var slidingAxes = image.Axes.Where(a => a.Count > 1).ToList();
        if (slidingAxes.Count > 2)
            throw image.Node.Error($"'{image.Name}' has {slidingAxes.Count} sliding (sum-of-products) axes; Sim's Conv2d has two spatial axes", Supported);
        foreach (var axis in image.Axes.Where(a => a.Count == 1 && a[0].Coefficient != 1))
            throw image.Node.Error($"'{image.Name}' scales dimension '{axis[0].Dimension}' by coefficient {axis[0].CoefficientName} on an axis of its own (a strided access, not a convolution window)", Supported);

        var roles = Roles(problem, weights, image, output);
        var axes = new List<SlidingAxis>();
        var spatial = new HashSet<string>(StringComparer.Ordinal);
        foreach (var axis in slidingAxes)
        {
            var filter = axis.Where(t => roles[t.Dimension] == (Role.First | Role.Second)).ToList();
            var outputTerm = axis.Where(t => roles[t.Dimension] == (Role.Second | Role.Output)).ToList();
            if (axis.Count != 2 || filter.Count != 1 || outputTerm.Count != 1)
            {
                var text = string.Join(" + ", axis.Select(t => t.CoefficientName is null ? t.Dimension : $"{t.Dimension}·{t.CoefficientName}"));
                throw image.Node.Error($"axis '{text}' of '{image.Name}' is not filter·dilation + output·stride (a filter dimension also in '{weights.Name}' plus an output dimension also in '{output.Name}')",
                    Supported);
            }

            var (f, o) = (filter[0], outputTerm[0]);
            spatial.Add(f.Dimension);
            spatial.Add(o.Dimension);
            var (fSize, oSize) = (problem.Sizes[f.Dimension], problem.Sizes[o.Dimension]);
            var touched = SlidingAxis.TouchedExtent(fSize, oSize, o.Coefficient, f.Coefficient);
            axes.Add(new SlidingAxis(fSize, oSize, o.Coefficient, f.Coefficient, touched, 0));
        }

        var others = roles.Where(p => !spatial.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        CheckRoles(problem, others, [Role.Second | Role.Output, Role.First | Role.Second, Role.First | Role.Output, Role.First | Role.Second | Role.Output],
            $"in a CNN layer every other dimension is shared by inputs '{image.Name}' and outputs '{output.Name}' (batch N), weights '{weights.Name}' and inputs (channels C), weights and outputs (filters M) or all three (groups)");
        long Product(Role role) => others.Where(p => p.Value == role).Aggregate(1L, (acc, p) => checked(acc * problem.Sizes[p.Key]));

        var (width, height) = (axes[0], axes.Count > 1 ? axes[1] : SlidingAxis.Unit);
        return new ConvEinsum(Product(Role.Second | Role.Output), Product(Role.First | Role.Second), Product(Role.First | Role.Output),
            Product(Role.First | Role.Second | Role.Output), WithExtent(problem, width, "W"), WithExtent(problem, height, "H"));
    }

    /// <summary>
    /// timeloopfe's instances may state the input size and padding (W, Wpad, H, Hpad), which Timeloop itself ignores; when
    /// given they must produce the instance's output size, and replace the padding-free extent.
    /// </summary>
    private static SlidingAxis WithExtent(TimeloopProblem problem, SlidingAxis axis, string key)
    {
        var padKey = key + "pad";
        problem.InputExtent.TryGetValue(padKey, out var pad);
        if (!problem.InputExtent.TryGetValue(key, out var size))
        {
            return pad.Node is null
                ? axis
                : throw pad.Node.Error($"'{padKey}' is given without '{key}'", $"give the input size '{key}' too, or drop '{padKey}' (the padding-free input extent is then {axis.Extent})");
        }

        var padded = checked(size.Value + (2 * pad.Value));
        var effectiveFilter = checked(((axis.Filter - 1) * axis.Dilation) + 1);
        var outputs = padded >= effectiveFilter ? ((padded - effectiveFilter) / axis.Stride) + 1 : 0;
        if (outputs != axis.Output)
        {
            throw size.Node.Error(
                $"input {key} = {size.Value} with {padKey} = {pad.Value} gives ⌊({padded} − {effectiveFilter})/{axis.Stride}⌋ + 1 = {outputs} outputs, but the instance's output dimension is {axis.Output}",
                $"correct {key}/{padKey}, or drop them (Sim then takes the padding-free input extent {axis.Extent})");
        }

        return axis with { Extent = size.Value, Pad = pad.Value };
    }

    /// <summary>For each dimension, the data spaces it indexes.</summary>
    private static Dictionary<string, Role> Roles(TimeloopProblem problem, TimeloopDataSpace first, TimeloopDataSpace second, TimeloopDataSpace output)
    {
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var (space, role) in new[] { (first, Role.First), (second, Role.Second), (output, Role.Output) })
        {
            foreach (var dim in space.DimensionNames)
                roles[dim] = (roles.TryGetValue(dim, out var r) ? r : Role.None) | role;
        }

        return problem.Dimensions.Where(roles.ContainsKey).ToDictionary(d => d, d => roles[d], StringComparer.Ordinal);
    }

    private static void CheckRoles(TimeloopProblem problem, Dictionary<string, Role> roles, Role[] allowed, string rule)
    {
        // A size-1 dimension scales nothing, wherever it appears (Timeloop's dot-product example puts M: 1 on Z only).
        foreach (var (dim, role) in roles.Where(p => !allowed.Contains(p.Value) && problem.Sizes[p.Key] != 1))
        {
            var names = problem.DataSpaces.Where(s => s.DimensionNames.Contains(dim)).Select(s => $"'{s.Name}'");
            throw problem.Shape.Error($"dimension '{dim}' indexes only {string.Join(" and ", names)}; {rule}", Supported);
        }
    }

    private static void CheckUnitCoefficients(IEnumerable<TimeloopDataSpace> spaces)
    {
        foreach (var space in spaces)
        {
            var scaled = space.Axes.SelectMany(a => a).FirstOrDefault(t => t.Coefficient != 1);
            if (scaled is not null)
                throw space.Node.Error($"'{space.Name}' scales dimension '{scaled.Dimension}' by coefficient {scaled.CoefficientName} = {scaled.Coefficient}; only a CNN layer's input may carry coefficients", Supported);
        }
    }
}
