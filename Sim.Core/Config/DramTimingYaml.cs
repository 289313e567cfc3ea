using System.Globalization;
using System.Numerics;
using Sim.Core.Hardware;

namespace Sim.Core.Config;

/// <summary>
/// Reads an arch's optional <c>dram: timing:</c> mapping: a preset (default neupims-hbm2) and any organisation or timing
/// field as an override, e.g. <c>timing: {preset: samsung-hbm-pim, channels: 32, t_faw: 20}</c>. Validated before the
/// spec is built: whole numbers ≥ 1, counts that are powers of two (the address mapping needs them), at most
/// <see cref="MaxChannels"/> channels, clock ≥ <see cref="MinClockGhz"/> GHz, tRAS ≥ tRCD, tCCD_L ≥ tCCD_S, tRRD_L ≥ tRRD_S,
/// tWTR_L ≥ tWTR_S, tREFI longer than a refresh's cost to a stream (tRTP + tRP + tRFC + tRCD), RowBytes a multiple of
/// BurstBytes. The optional <c>t_ccd_r</c> (rank-to-rank column spacing) defaults to BL/2 = burst_cycles.
/// </summary>
public static class DramTimingYaml
{
    public const string DefaultPreset = "neupims-hbm2";

    /// <summary>Far above any real device; a larger value is a typo (and would overflow cycle products).</summary>
    private const long MaxCountOrCycles = 1 << 24;

    /// <summary>Far above any real device's channels (HBM3 stacks × pseudo-channels); keeps channel × row products small.</summary>
    public const int MaxChannels = 4096;

    /// <summary>Below any real DRAM clock; keeps cycle ↔ time conversions finite.</summary>
    public const double MinClockGhz = 0.01;

    private static readonly string[] OrgKeys =
        ["channels", "ranks", "bank_groups", "banks_per_group", "row_bytes", "burst_bytes", "burst_cycles"];

    private static readonly string[] TimingKeys =
    [
        "cl", "cwl", "t_rcd", "t_rp", "t_ras", "t_faw", "t_rrd_s", "t_rrd_l", "t_ccd_s", "t_ccd_l", "t_rfc", "t_refi", "t_wr",
        "t_rtp", "t_wtr_s", "t_wtr_l", "t_ccd_r",
    ];

    private static readonly string[] AllKeys = ["preset", "name", "clock_ghz", .. OrgKeys, .. TimingKeys];

    public static DramTimingSpec Read(YamlMap timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        timing.AllowOnly(AllKeys);
        var presetName = timing.OptionalString("preset") ?? DefaultPreset;
        var p = DramPresets.Find(presetName)
            ?? throw timing.ErrorAt("preset", $"unknown DRAM preset '{presetName}'", $"use one of: {string.Join(", ", DramPresets.All.Select(x => x.Name))}");
        var t = p.Timings;
        var spec = new DramTimingSpec(
            timing.OptionalString("name") ?? p.Name,
            Pow2(timing, "channels", p.Channels, MaxChannels),
            Pow2(timing, "ranks", p.Ranks),
            Pow2(timing, "bank_groups", p.BankGroups),
            Pow2(timing, "banks_per_group", p.BanksPerGroup),
            Int(timing, "row_bytes", p.RowBytes),
            Int(timing, "burst_bytes", p.BurstBytes),
            Int(timing, "burst_cycles", p.BurstCycles),
            ClockGhz(timing, p.ClockGhz),
            new DramTimings(
                Int(timing, "cl", t.ClCycles),
                Int(timing, "cwl", t.CwlCycles),
                Int(timing, "t_rcd", t.TrcdCycles),
                Int(timing, "t_rp", t.TrpCycles),
                Int(timing, "t_ras", t.TrasCycles),
                Int(timing, "t_faw", t.TfawCycles),
                Int(timing, "t_rrd_s", t.TrrdSCycles),
                Int(timing, "t_rrd_l", t.TrrdLCycles),
                Int(timing, "t_ccd_s", t.TccdSCycles),
                Int(timing, "t_ccd_l", t.TccdLCycles),
                Int(timing, "t_rfc", t.TrfcCycles),
                Int(timing, "t_refi", t.TrefiCycles),
                Int(timing, "t_wr", t.TwrCycles),
                Int(timing, "t_rtp", t.TrtpCycles),
                Int(timing, "t_wtr_s", t.TwtrSCycles),
                Int(timing, "t_wtr_l", t.TwtrLCycles))
            {
                TccdRCycles = timing.Has("t_ccd_r") ? Int(timing, "t_ccd_r", 1) : t.TccdRCycles,
            });
        Validate(timing, spec);
        return spec;
    }

    /// <summary>
    /// The arch-level <see cref="DramSpec"/> a timing model implies: the sequential-read bandwidth
    /// (<see cref="DramStreamClosedForm"/>) and latency tRCD + CL, both converted from memory cycles to cycles of the arch
    /// clock (bytes per arch cycle = bytes per memory cycle × DRAM GHz / arch GHz).
    /// </summary>
    public static DramSpec DerivedDramSpec(DramTimingSpec timing, double archClockGhz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var bandwidth = DramStreamClosedForm.SequentialBytesPerCycle(timing) * timing.ClockGhz / archClockGhz;
        var latencyMemCycles = timing.Timings.TrcdCycles + timing.Timings.ClCycles;
        return new DramSpec(bandwidth, (long)Math.Ceiling((latencyMemCycles * archClockGhz / timing.ClockGhz) - 1e-9));
    }

    private static void Validate(YamlMap timing, DramTimingSpec spec)
    {
        var t = spec.Timings;
        if (t.TrasCycles < t.TrcdCycles)
            throw At(timing, "t_ras", $"tRAS {t.TrasCycles} is shorter than tRCD {t.TrcdCycles}", "a row must stay open at least until its first column access: give t_ras ≥ t_rcd");
        Ordered(timing, "t_ccd_l", t.TccdLCycles, "t_ccd_s", t.TccdSCycles, "tCCD_L", "tCCD_S");
        Ordered(timing, "t_rrd_l", t.TrrdLCycles, "t_rrd_s", t.TrrdSCycles, "tRRD_L", "tRRD_S");
        Ordered(timing, "t_wtr_l", t.TwtrLCycles, "t_wtr_s", t.TwtrSCycles, "tWTR_L", "tWTR_S");
        var refreshCost = DramStreamClosedForm.RefreshStallCycles(t);
        if (t.TrefiCycles <= refreshCost)
            throw At(timing, "t_refi", $"tREFI {t.TrefiCycles} is not longer than a refresh's cost tRTP + tRP + tRFC + tRCD = {refreshCost}", $"the device would refresh all the time: give t_refi > {refreshCost} (or a shorter t_rfc)");
        if (spec.RowBytes % spec.BurstBytes != 0)
            throw At(timing, "row_bytes", $"{spec.RowBytes} B rows are not a whole number of {spec.BurstBytes} B bursts", "give row_bytes as a multiple of burst_bytes");
        if (!BitOperations.IsPow2(spec.BurstsPerRow))
            throw At(timing, "row_bytes", $"{spec.BurstsPerRow} bursts per row is not a power of two", "give row_bytes = burst_bytes × a power of two (the address mapping needs it)");
    }

    /// <summary>Locates a cross-field error at the overridden field, or at the other field the user gave, or at the mapping.</summary>
    private static SimInputException At(YamlMap timing, string key, string problem, string fix)
    {
        var partner = key switch
        {
            "t_ras" => "t_rcd",
            "t_refi" => "t_rfc",
            "t_ccd_l" => "t_ccd_s",
            "t_rrd_l" => "t_rrd_s",
            "t_wtr_l" => "t_wtr_s",
            _ => "burst_bytes",
        };
        var where = timing.Has(key) || !timing.Has(partner) ? key : partner;
        return timing.ErrorAt(where, problem, fix);
    }

    /// <summary>A _L timing (same bank group) must not be shorter than its _S one (different groups).</summary>
    private static void Ordered(YamlMap timing, string longKey, int longCycles, string shortKey, int shortCycles, string longName, string shortName)
    {
        if (longCycles < shortCycles)
        {
            throw At(timing, longKey, $"{longName} {longCycles.ToString(CultureInfo.InvariantCulture)} is shorter than {shortName} {shortCycles.ToString(CultureInfo.InvariantCulture)}",
                $"the same-bank-group spacing is never shorter than the cross-group one: give {longKey} ≥ {shortKey}");
        }
    }

    private static double ClockGhz(YamlMap m, double fallback)
    {
        var v = m.OptionalDouble("clock_ghz", fallback, 0);
        return v >= MinClockGhz
            ? v
            : throw m.ErrorAt("clock_ghz", $"{v.ToString(CultureInfo.InvariantCulture)} GHz is below {MinClockGhz.ToString(CultureInfo.InvariantCulture)} GHz", $"give the memory clock in GHz, at least {MinClockGhz.ToString(CultureInfo.InvariantCulture)} (e.g. 1.0)");
    }

    private static int Int(YamlMap m, string key, int fallback, long max = MaxCountOrCycles) => (int)m.OptionalLong(key, fallback, 1, max);

    private static int Pow2(YamlMap m, string key, int fallback, long max = MaxCountOrCycles)
    {
        var v = Int(m, key, fallback, max);
        return BitOperations.IsPow2(v)
            ? v
            : throw m.ErrorAt(key, $"{v.ToString(CultureInfo.InvariantCulture)} is not a power of two", $"give a power of two such as {BitOperations.RoundUpToPowerOf2((uint)v).ToString(CultureInfo.InvariantCulture)} (the address mapping splits address bits)");
    }
}
