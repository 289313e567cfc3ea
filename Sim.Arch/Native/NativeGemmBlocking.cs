namespace Sim.Arch.Native;

/// <summary>
/// How a target's GEMM divides work, so a timing model can count it exactly: the output is cut into
/// <see cref="TileM"/>×<see cref="TileN"/> tiles (a CPU micro-kernel's register tile, a GPU thread block's tile), handed
/// out statically over <see cref="Units"/> workers (threads, SMs); K is walked in <see cref="BlockK"/> steps (the packed
/// panel depth / the shared-memory tile depth); A is re-read once per <see cref="BlockN"/> columns of B and B once per
/// <see cref="BlockM"/> rows of A (cache blocking; a GPU without such blocking gives its tile sizes here).
/// </summary>
public sealed record NativeGemmBlocking(int TileM, int TileN, int BlockM, int BlockN, int BlockK, int Units)
{
    public string? Problem()
    {
        (string Name, int Value)[] all =
            [("tile_m", TileM), ("tile_n", TileN), ("block_m", BlockM), ("block_n", BlockN), ("block_k", BlockK), ("units", Units)];
        foreach (var (name, value) in all)
        {
            if (value < 1)
                return $"{name}: {value} must be at least 1";
        }

        return null;
    }
}
