using Sim.Core.Hardware;

namespace Sim.Arch.Energy;

/// <summary>
/// Default energy and area figures for baseline (INT8×INT8 + INT32 accumulate) MAC PEs, from public sources.
/// <para>
/// MAC energy and area: synthesis reports in wqzustc/High-Performance-Tensor-Processing-Engines (the RTL of Wu et al.,
/// HPCA 2025), Synopsys SAED32 educational library, TT 0.85 V 25 °C, DC default-activity power; energy per MAC-op =
/// power × clock period ÷ MACs; area = DC "Total cell area" ÷ MACs (see ../shared/research/pim-sparse-attn.md §D).
/// These are whole-array figures: each includes the PEs' multipliers, adders or trees, pipeline and forwarding
/// registers, and in-array accumulators.
/// </para>
/// <list type="bullet">
/// <item>systolic OS: array_mac_based OS 16×16 — 27.6 mW at 6.5 ns, 376 683 µm², 256 MACs → 0.70 pJ, 1471 µm².</item>
/// <item>systolic WS: WS 16×16 — 19.0 mW at 5.5 ns, 276 542 µm² → 0.41 pJ, 1080 µm². IS has no synthesis; its PE
/// holds a stationary operand and passes partial sums exactly like WS, so it takes the WS figures (an assumption).</item>
/// <item>cube: MAC 3D-Cube 8×8×8 — 34.1 mW at 6.3 ns, 498 012 µm², 512 MACs → 0.42 pJ, 973 µm².</item>
/// <item>addertree: only the bit-weight (OPT2) tree is synthesized: K16×N16 0.40 pJ, 899 µm² per MAC. Baseline =
/// OPT2 × the paper's gains for this engine (energy 1.49×, area 1.56×) → 0.60 pJ, 1402 µm² (derived).</item>
/// <item>matrix2d: only the OPT4C column is synthesized (991 and 965 µm² per PE for N = 16, 32; no power report).
/// Area = mean 978 × the paper's area gain 1.44 → 1408 µm² (derived). Energy: no array figure exists; a 2D matrix
/// is an output-stationary array of the same MAC PEs, so it takes the systolic OS array's 0.70 pJ (not the bare
/// PE's 0.47, which leaves out the array's wiring and registers): forwarding registers and broadcast wires are not
/// told apart.</item>
/// </list>
/// <para>
/// Shared figures (pJ per byte) from the AttAcc simulator's energy table (src/config.py, per-bit values from
/// O'Connor et al., "Fine-Grained DRAM", MICRO 2017): HBM access (0.11+0.44+1.01+1.23+0.5+0.3)·8 = 28.7;
/// on-chip SRAM = its L1 figure 1.28 (read and write). Accumulator storage outside the PEs (a cube's L0C) is SRAM
/// too — it lives in the ofmap scratchpad (see TileFeasibility) — so it takes the SRAM figure.
/// SRAM area: 600 λ² per 6T bit cell (CACTI-era rule of thumb, Greaves, Cambridge SoC D&amp;V notes) with λ = 16 nm
/// (half the 32 nm node) → 0.154 µm²/bit → 1258 µm² per KB of bit cells; periphery is not included.
/// </para>
/// </summary>
public static class CostDefaults
{
    public const double DramPjPerByte = 28.7;
    public const double SramPjPerByte = 1.28;
    public const double AccumulatorPjPerByte = SramPjPerByte;
    public const double SramAreaUm2PerKb = 1258;

    /// <summary>Baseline MAC energy (pJ per MAC-op) and area (µm² per MAC) of <paramref name="tile"/>'s kind.</summary>
    public static (double MacPj, double MacAreaUm2) Mac(TileSpec tile) => tile switch
    {
        SystolicSpec { Dataflow: Dataflow.Os } => (0.70, 1471),
        SystolicSpec => (0.41, 1080),
        Cube3DSpec => (0.42, 973),
        AdderTreeSpec => (0.60, 1402),
        Matrix2DSpec => (0.70, 1408),
        // A measured CPU/GPU has no honest per-MAC figure here (timing was fitted, power was not measured): NaN makes
        // every energy and area total say "unknown" (NaN) unless the arch's costs: gives mac_pj / mac_area_um2.
        CalibratedTileSpec => (double.NaN, double.NaN),
        null => throw new ArgumentNullException(nameof(tile)),
        _ => throw new NotSupportedException($"no default costs for tile kind '{tile.Kind}'"),
    };
}
