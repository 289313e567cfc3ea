using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Explorer.Cli;

/// <summary>Parses flag values that System.CommandLine cannot type by itself; errors name the flag and the fix.</summary>
public static class OptionParsers
{
    public static Dataflow Dataflow(string text, string flag = "--dataflow") =>
        DataflowNames.TryParse(text, out var dataflow)
            ? dataflow
            : throw new SimInputException($"{flag}: '{text}' is not a dataflow. Fix: use os, ws or is (sim op also takes best)");

    public static SimMode Mode(string text) => text switch
    {
        "default" => SimMode.Default,
        "scalesim" => SimMode.ScaleSim,
        _ => throw new SimInputException($"--mode: '{text}' is not a mode. Fix: use default or scalesim"),
    };

    /// <summary>"I,F,O" scratchpad sizes in KB.</summary>
    public static ScratchpadSpec SramKb(string text)
    {
        var parts = (text ?? "").Split(',');
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : -1).ToArray();
        if (values.Length != 3 || values.Any(v => v * 1024 < 1))
            throw new SimInputException($"--sram-kb: '{text}' is not three sizes of at least one byte. Fix: write IFMAP,FILTER,OFMAP in KB, e.g. 64,64,64");
        return new ScratchpadSpec(values[0], values[1], values[2]);
    }

    public static long Positive(long value, string flag) =>
        value > 0 ? value : throw new SimInputException($"{flag}: {value} must be at least 1. Fix: pass a positive integer");

    public static long NonNegative(long value, string flag) =>
        value >= 0 ? value : throw new SimInputException($"{flag}: {value} is negative. Fix: pass 0 or more");

    public static double PositiveReal(double value, string flag) =>
        value > 0 && double.IsFinite(value) ? value : throw new SimInputException($"{flag}: {value.ToString(CultureInfo.InvariantCulture)} must be a positive number. Fix: e.g. {flag} 16");
}
