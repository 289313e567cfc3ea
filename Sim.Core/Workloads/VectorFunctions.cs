namespace Sim.Core.Workloads;

/// <summary>
/// The catalogue of vector-unit functions a <see cref="VectorOp"/> may name. Counts are per element in the
/// (max, add, mul, exp) classes of <see cref="VectorOps"/>; they follow the textbook evaluation of each function
/// (e.g. sigmoid = 1 / (1 + e^−x): an exp, an add and a reciprocal; hard-swish = x · clamp(x/6 + 1/2, 0, 1): a mul, an
/// add, two clamps and a mul; softmax as in the attention model: a running max, a subtract, an exp, a sum and a
/// normalising multiply per element plus one reciprocal per row; layer norm: sum, subtract-mean, square, sum of squares,
/// normalise, scale and shift per element plus the mean/variance scaling, epsilon add and reciprocal square root per row).
/// </summary>
public static class VectorFunctions
{
    private static readonly VectorOps None = VectorOps.Zero;

    private static VectorOps Ops(long maxes = 0, long adds = 0, long muls = 0, long exps = 0) => new(maxes, adds, muls, exps);

    private static VectorFunction E(string name, VectorOps perElement, string meaning) =>
        new(name, VectorFunctionClass.Elementwise, perElement, None, None, meaning);

    private static VectorFunction R(string name, VectorOps perReduced, VectorOps perOutput, string meaning) =>
        new(name, VectorFunctionClass.Reduce, perOutput, perReduced, None, meaning);

    private static VectorFunction N(string name, VectorOps perElement, VectorOps perRow, string meaning) =>
        new(name, VectorFunctionClass.Normalize, perElement, None, perRow, meaning);

    private static VectorFunction M(string name, string meaning) =>
        new(name, VectorFunctionClass.Move, None, None, None, meaning);

    /// <summary>Every function by name, in a fixed order (listed in error messages and docs).</summary>
    public static IReadOnlyList<VectorFunction> All { get; } =
    [
        E("add", Ops(adds: 1), "x + y (also sub, bias add)"),
        E("sub", Ops(adds: 1), "x − y"),
        E("mul", Ops(muls: 1), "x · y"),
        E("div", Ops(muls: 1, exps: 1), "x / y = x · (1/y)"),
        E("max", Ops(maxes: 1), "max(x, y) or min(x, y)"),
        E("compare", Ops(maxes: 1), "x < y, x == y, where(c, x, y), and/or/not"),
        E("neg", Ops(adds: 1), "−x, |x|, sign, floor/ceil/round"),
        E("relu", Ops(maxes: 1), "max(x, 0)"),
        E("leaky_relu", Ops(maxes: 1, muls: 1), "x ≥ 0 ? x : α·x (also PReLU)"),
        E("clip", Ops(maxes: 2), "clamp(x, lo, hi)"),
        E("sigmoid", Ops(adds: 1, exps: 2), "1 / (1 + e^−x)"),
        E("hard_sigmoid", Ops(maxes: 2, adds: 1, muls: 1), "clamp(α·x + β, 0, 1)"),
        E("hard_swish", Ops(maxes: 2, adds: 1, muls: 2), "x · clamp(x/6 + 1/2, 0, 1)"),
        E("tanh", Ops(adds: 2, muls: 2, exps: 2), "2·sigmoid(2x) − 1"),
        E("gelu", Ops(adds: 2, muls: 3, exps: 1), "x/2 · (1 + erf(x/√2))"),
        E("swish", Ops(adds: 1, muls: 1, exps: 2), "x · sigmoid(x) (also SiLU, Mish ≈)"),
        E("elu", Ops(maxes: 1, adds: 1, muls: 1, exps: 1), "x ≥ 0 ? x : α(e^x − 1) (also SELU, softplus)"),
        E("exp", Ops(exps: 1), "e^x, log x, √x, 1/x, erf x"),
        E("square", Ops(muls: 1), "x² (Pow with exponent 2)"),
        E("pow", Ops(muls: 1, exps: 2), "x^y = e^(y·ln x)"),
        E("batch_norm", Ops(adds: 1, muls: 1), "inference batch norm folded to x·scale + shift"),
        R("max_pool", Ops(maxes: 1), None, "max over a window (also ReduceMax/Min, global max pool)"),
        R("avg_pool", Ops(adds: 1), Ops(muls: 1), "mean over a window (also ReduceMean, global average pool)"),
        R("sum", Ops(adds: 1), None, "sum over a window (ReduceSum)"),
        N("softmax", Ops(maxes: 1, adds: 2, muls: 1, exps: 1), Ops(exps: 1), "e^(x − max) / Σ e^(x − max) along rows"),
        N("log_softmax", Ops(maxes: 1, adds: 3, exps: 1), Ops(exps: 1), "x − max − ln Σ e^(x − max) along rows"),
        N("layer_norm", Ops(adds: 4, muls: 3), Ops(adds: 1, muls: 2, exps: 1), "(x − μ)/√(σ² + ε)·γ + β along rows (also instance norm)"),
        M("transpose", "permute axes"),
        M("concat", "join along an axis"),
        M("slice", "strided sub-tensor (also split)"),
        M("resize", "nearest/linear up- or down-sampling (interpolation arithmetic not counted)"),
        M("pad", "zero/constant/edge padding"),
        M("gather", "index-select along an axis"),
        M("cast", "element type conversion"),
        M("expand", "broadcast to a larger shape (also tile)"),
        M("copy", "a materialised copy"),
    ];

    private static readonly Dictionary<string, VectorFunction> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out VectorFunction function) => ByName.TryGetValue(name ?? "", out function!);

    public static VectorFunction Get(string name) => TryGet(name, out var f)
        ? f
        : throw new ArgumentException($"unknown vector function '{name}'; known: {Names}", nameof(name));

    public static string Names => string.Join(", ", All.Select(f => f.Name));
}
