using Sim.Arch.AdderTree;
using Sim.Arch.Cube3D;
using Sim.Arch.Matrix2D;
using Sim.Arch.Systolic;
using Sim.Core.Hardware;

namespace Sim.Explorer.Verify;

/// <summary>A simulator path a case runs, named for the table, with the functional executors it exercises.</summary>
public sealed record SimulatedPath(string Name, IReadOnlyList<Type> Executors);

/// <summary>A dense tile's functional GEMM executor, fp32 and int8.</summary>
public sealed record GemmTilePath(
    string Name,
    Type Executor,
    Func<float[], float[], int, int, int, float[]> Fp32,
    Func<sbyte[], sbyte[], int, int, int, int[]> Int8)
{
    public SimulatedPath Path => new(Name, [Executor]);
}

/// <summary>
/// Every dense tile kind's functional executor on a small configuration, so the suite's odd shapes fold: 8×8 arrays
/// (a 9 or 33 straddles a fold edge, 130 needs 17 folds), a 4×8×4 cube (K steps of 8), an 8-lane × 8-wide adder tree.
/// </summary>
public static class GemmTilePaths
{
    public static IReadOnlyList<GemmTilePath> All { get; } =
    [
        Systolic(new SystolicSpec(8, 8, Dataflow.Os)),
        Systolic(new SystolicSpec(8, 8, Dataflow.Ws)),
        Systolic(new SystolicSpec(8, 8, Dataflow.Is)),
        Cube(new Cube3DSpec(4, 8, 4)),
        AdderTree(new AdderTreeSpec(8, 8)),
        Matrix2D(new Matrix2DSpec(8, 8)),
    ];

    private static GemmTilePath Systolic(SystolicSpec spec) => new(spec.ToString(), typeof(SystolicExecutor),
        (a, b, m, n, k) => SystolicExecutor.RunFp32(spec, a, b, m, n, k), (a, b, m, n, k) => SystolicExecutor.RunInt8(spec, a, b, m, n, k));

    private static GemmTilePath Cube(Cube3DSpec spec) => new(spec.ToString(), typeof(Cube3DExecutor),
        (a, b, m, n, k) => Cube3DExecutor.RunFp32(spec, a, b, m, n, k), (a, b, m, n, k) => Cube3DExecutor.RunInt8(spec, a, b, m, n, k));

    private static GemmTilePath AdderTree(AdderTreeSpec spec) => new(spec.ToString(), typeof(AdderTreeExecutor),
        (a, b, m, n, k) => AdderTreeExecutor.RunFp32(spec, a, b, m, n, k), (a, b, m, n, k) => AdderTreeExecutor.RunInt8(spec, a, b, m, n, k));

    private static GemmTilePath Matrix2D(Matrix2DSpec spec) => new(spec.ToString(), typeof(Matrix2DExecutor),
        (a, b, m, n, k) => Matrix2DExecutor.RunFp32(spec, a, b, m, n, k), (a, b, m, n, k) => Matrix2DExecutor.RunInt8(spec, a, b, m, n, k));
}
