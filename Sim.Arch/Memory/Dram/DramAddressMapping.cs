using System.Numerics;
using Sim.Core.Hardware;

namespace Sim.Arch.Memory.Dram;

/// <summary>An address field of <see cref="DramAddressMapping"/>.</summary>
public enum DramAddressField
{
    Row,
    Rank,
    BankGroup,
    Bank,
    Channel,
    Column,
}

/// <summary>A decoded burst address.</summary>
public readonly record struct DramAddress(int Channel, int Rank, int BankGroup, int Bank, int Row, int Column);

/// <summary>
/// How a byte address splits into DRAM coordinates: the fields from the most to the least significant bits, above the
/// log2(BurstBytes) offset bits inside one burst. Every field has log2(count) bits (counts must be powers of two);
/// the row takes all remaining high bits.
/// </summary>
public sealed record DramAddressMapping(string Name, IReadOnlyList<DramAddressField> MostToLeastSignificant)
{
    /// <summary>Validated once here, not on every <see cref="Decode"/>.</summary>
    public IReadOnlyList<DramAddressField> MostToLeastSignificant { get; } = Validated(Name, MostToLeastSignificant);

    /// <summary>
    /// NeuPIMs / DRAMsim3 <c>rorabgbachco</c>: row | rank | bank group | bank | channel | column. A sequential stream
    /// reads a whole row (RowBytes) in one bank, then moves to the next channel: row-hit dominated.
    /// </summary>
    public static DramAddressMapping RoRaBgBaChCo { get; } = new("rorabgbachco",
        [DramAddressField.Row, DramAddressField.Rank, DramAddressField.BankGroup, DramAddressField.Bank, DramAddressField.Channel, DramAddressField.Column]);

    /// <summary>
    /// Bank-group-interleaved <c>rorabachcobg</c>: row | rank | bank | channel | column | bank group. Consecutive bursts
    /// rotate over the bank groups (tCCD_S apart, not tCCD_L), each group reading the same bank index's row, so a sequential
    /// stream stays row-hit dominated and reaches the pins' rate: the sustained-bandwidth mapping
    /// (<see cref="Sim.Core.Hardware.DramStreamClosedForm"/>). With one bank group it is <see cref="RoRaBgBaChCo"/>.
    /// </summary>
    public static DramAddressMapping RoRaBaChCoBg { get; } = new("rorabachcobg",
        [DramAddressField.Row, DramAddressField.Rank, DramAddressField.Bank, DramAddressField.Channel, DramAddressField.Column, DramAddressField.BankGroup]);

    /// <summary>
    /// Burst-interleaved <c>rocorababgch</c>: row | column | rank | bank | bank group | channel. Consecutive bursts go
    /// to consecutive channels, then bank groups, then banks, so a sequential stream opens every bank's row and reads one
    /// burst from each before returning to it: every bank's row stays open for BurstsPerRow visits.
    /// </summary>
    public static DramAddressMapping RoCoRaBaBgCh { get; } = new("rocorababgch",
        [DramAddressField.Row, DramAddressField.Column, DramAddressField.Rank, DramAddressField.Bank, DramAddressField.BankGroup, DramAddressField.Channel]);

    public DramAddress Decode(DramTimingSpec spec, long byteAddress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(byteAddress);
        var rest = byteAddress / spec.BurstBytes;
        int channel = 0, rank = 0, bankGroup = 0, bank = 0, column = 0;
        long row = 0;
        for (var i = MostToLeastSignificant.Count - 1; i >= 0; i--)
        {
            var field = MostToLeastSignificant[i];
            if (field == DramAddressField.Row)
            {
                row = rest;
                rest = 0;
                continue;
            }

            var count = Count(spec, field);
            if (!BitOperations.IsPow2(count))
                throw new ArgumentException($"address mapping {Name} needs a power-of-two {field} count, got {count}", nameof(spec));
            var value = (int)(rest % count);
            rest /= count;
            switch (field)
            {
                case DramAddressField.Channel: channel = value; break;
                case DramAddressField.Rank: rank = value; break;
                case DramAddressField.BankGroup: bankGroup = value; break;
                case DramAddressField.Bank: bank = value; break;
                default: column = value; break;
            }
        }

        return new DramAddress(channel, rank, bankGroup, bank, checked((int)row), column);
    }

    private static IReadOnlyList<DramAddressField> Validated(string name, IReadOnlyList<DramAddressField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != 6 || fields[0] != DramAddressField.Row || fields.Distinct().Count() != 6)
            throw new ArgumentException($"address mapping {name} must list the six fields once each, row first", nameof(fields));
        return fields;
    }

    private static int Count(DramTimingSpec spec, DramAddressField field) => field switch
    {
        DramAddressField.Channel => spec.Channels,
        DramAddressField.Rank => spec.Ranks,
        DramAddressField.BankGroup => spec.BankGroups,
        DramAddressField.Bank => spec.BanksPerGroup,
        _ => spec.BurstsPerRow,
    };
}
