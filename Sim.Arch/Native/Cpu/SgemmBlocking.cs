namespace Sim.Arch.Native.Cpu;

/// <summary>
/// The fp32 GEMM's blocking per instruction path (GotoBLAS/BLIS loop order NC → KC → MC → NR → MR). The register tile
/// MR×NR fills the vector registers with accumulators (Vector512: 12×32 = 24 zmm of 32; Vector256: 6×16 = 12 ymm of 16);
/// an MC×KC block of A (144×256×4 B = 144 KiB) stays in the 1 MiB L2; a KC×NR micro-panel of B (32 KiB) streams
/// through L1; NC bounds the B panel reused across one thread's MC blocks (KC×NC×4 B: 4 MiB of L3 on the AVX-512 path;
/// 2 MiB on the AVX2 path, where NC = 1024 measured 0.83–0.86× OpenBLAS at 2048³ against 0.76–0.81× with NC = 4096,
/// three alternating runs each on a shared 2-vCPU Zen 3). The AVX2 path's KC = 512 (a 32 KiB B micro-panel, 240 KiB A
/// block) halves the passes over C: on an idle 2-vCPU Zen 3, 2048³ went from 165 to 172 GFLOP/s and 1024³ from 170 to
/// 181 (OpenBLAS 186) against KC = 256, best of 7 each (2026-11-24).
/// </summary>
public static class SgemmBlocking
{
    public static NativeGemmBlocking For(CpuIsa isa, int threads) => isa switch
    {
        CpuIsa.Vector512 => new NativeGemmBlocking(TileM: 12, TileN: 32, BlockM: 144, BlockN: 4096, BlockK: 256, Units: threads),
        CpuIsa.Vector256 => new NativeGemmBlocking(TileM: 6, TileN: 16, BlockM: 120, BlockN: 1024, BlockK: 512, Units: threads),
        _ => new NativeGemmBlocking(TileM: 4, TileN: 4, BlockM: 64, BlockN: 1024, BlockK: 256, Units: threads),
    };

    /// <summary>
    /// Rows of C each thread owns: whole MR tiles, ⌈⌈M/MR⌉/threads⌉ of them per thread in order (a static partition, so
    /// the work each thread does is known in advance; the last threads may get fewer rows or none).
    /// </summary>
    public static (int Start, int End) ThreadRows(int m, int tileM, int threads, int thread)
    {
        var tiles = (m + tileM - 1) / tileM;
        var perThread = (tiles + threads - 1) / threads;
        var start = Math.Min(m, thread * perThread * tileM);
        var end = Math.Min(m, (thread + 1) * perThread * tileM);
        return (start, end);
    }
}
