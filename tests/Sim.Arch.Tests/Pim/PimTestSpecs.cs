using CsCheck;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Pim;

/// <summary>Small PIM devices for brute-force checks: 4 or 8 banks, 64 B rows, so tiles and chunks stay enumerable.</summary>
internal static class PimTestSpecs
{
    public static DramTimingSpec SmallDram(int bankGroups) =>
        DramPresets.NeuPimsHbm2 with { Name = "small", Ranks = 1, BankGroups = bankGroups, BanksPerGroup = 2, RowBytes = 64 };

    /// <summary>(pim, dram) with 2–8 lanes, 1–2 banks per PU, 1–4 banks per activate, a buffer of 1–4 columns.</summary>
    public static Gen<(PimSpec Pim, DramTimingSpec Dram)> SmallDevice { get; } =
        Gen.Select(Gen.Int[1, 3].Select(i => 1 << i), Gen.Int[1, 2], Gen.Int[0, 2].Select(i => 1 << i), Gen.Int[1, 4], Gen.Int[2, 4])
            .Select(t =>
            {
                var (lanes, banksPerUnit, actBanks, bufferColumns, bankGroups) = t;
                var pim = PimPresets.NeuPims with
                {
                    LanesPerUnit = lanes,
                    BanksPerUnit = banksPerUnit,
                    ActBanksPerCommand = actBanks,
                    GlobalBufferBytes = bufferColumns * lanes * 2,
                };
                return (pim, SmallDram(bankGroups));
            });
}
