using Sim.Arch.Native;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Calibrated;

/// <summary>
/// The work a native GEMM does, counted exactly from its blocking, as the features the calibrated timing model is
/// linear in: cycles = <see cref="Coefficients"/> · (1, critical MACs, critical tile steps, streamed bytes, B-pack
/// bytes). The tile
/// model and <c>sim calibrate</c>'s fit both use this one definition, so a fitted model predicts what it was fitted to.
/// <para>
/// For Z[M,N] = A[M,K]·B[K,N] with register tiles TileM×TileN handed out statically over U units by rows of tiles
/// (each unit owns ⌈⌈M/TileM⌉/U⌉ consecutive row tiles and every column tile of them, as the CPU target's threads do):
/// tiles = ⌈M/TileM⌉·⌈N/TileN⌉; the critical unit gets tilesCrit = ⌈⌈M/TileM⌉/U⌉·⌈N/TileN⌉, each a padded TileM·TileN·K
/// MACs and ⌈K/BlockK⌉ steps (a C tile loaded, updated and stored per K block). Traffic (words × word bytes): B packed
/// once (K·N), A streamed once per BlockN column panel (M·K·⌈N/BlockN⌉), C written by the first K block and read and
/// written by each later one (M·N·(2·⌈K/BlockK⌉ − 1)). A and C stream at the DRAM bandwidth; B's packing has its own cost per byte, because it is a
/// gather (NR columns of every row, one cache line per row of B at a stride of N words) and measured several times
/// slower per byte than streaming (decode shapes, M ≤ 32, are dominated by it).
/// </para>
/// </summary>
public readonly record struct CalibratedFeatures(
    long Tiles,
    long TilesCritical,
    long KSteps,
    double CriticalMacs,
    double CriticalTileSteps,
    double AStreamBytes,
    double BPackBytes,
    double CTrafficBytes)
{
    public const int Count = 5;

    public double TrafficBytes => AStreamBytes + BPackBytes + CTrafficBytes;

    /// <summary>A and C: the bytes that move at the DRAM bandwidth.</summary>
    public double StreamBytes => AStreamBytes + CTrafficBytes;

    /// <summary>(1, critical MACs, critical tile steps, streamed bytes, B-pack bytes): what the coefficients multiply.</summary>
    public double[] Vector() => [1, CriticalMacs, CriticalTileSteps, StreamBytes, BPackBytes];

    public static CalibratedFeatures Of(GemmShape gemm, CalibratedTileSpec tile, int wordBytes)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return Of(gemm, Blocking(tile), wordBytes);
    }

    /// <summary>The target's work division as the tile records it.</summary>
    public static NativeGemmBlocking Blocking(CalibratedTileSpec tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return new(tile.TileM, tile.TileN, tile.BlockM, tile.BlockN, tile.BlockK, tile.Units);
    }

    public static CalibratedFeatures Of(GemmShape gemm, NativeGemmBlocking tile, int wordBytes)
    {
        ArgumentNullException.ThrowIfNull(tile);
        long m = gemm.M, n = gemm.N, k = gemm.K;
        var rowTiles = Ceil(m, tile.TileM);
        var tiles = checked(rowTiles * Ceil(n, tile.TileN));
        var critical = checked(Ceil(rowTiles, tile.Units) * Ceil(n, tile.TileN));
        var kSteps = Ceil(k, tile.BlockK);
        double word = wordBytes;
        return new CalibratedFeatures(
            tiles,
            critical,
            kSteps,
            (double)critical * tile.TileM * tile.TileN * k,
            (double)critical * kSteps,
            word * m * k * Ceil(n, tile.BlockN),
            word * k * n,
            word * m * n * ((2 * kSteps) - 1));
    }

    /// <summary>
    /// The coefficients a tile and its arch's DRAM bandwidth stand for: (launch cycles, 1 / (MACs per cycle per unit ×
    /// efficiency), tile overhead cycles, 1 / bandwidth, B-pack cycles per byte); an unlimited DRAM costs no cycles.
    /// </summary>
    public static double[] Coefficients(CalibratedTileSpec tile, double bandwidthBytesPerCycle)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return
        [
            tile.LaunchCycles,
            1 / (tile.MacsPerCyclePerUnit * tile.Efficiency),
            tile.TileOverheadCycles,
            double.IsPositiveInfinity(bandwidthBytesPerCycle) ? 0 : 1 / bandwidthBytesPerCycle,
            tile.BPackCyclesPerByte,
        ];
    }

    public static double Dot(IReadOnlyList<double> coefficients, IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(features);
        double sum = 0;
        for (int i = 0; i < features.Count; i++)
            sum += coefficients[i] * features[i];
        return sum;
    }

    private static long Ceil(long a, long b) => (a + b - 1) / b;
}
