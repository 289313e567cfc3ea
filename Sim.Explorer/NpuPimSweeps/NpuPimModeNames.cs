using Sim.Arch.NpuPim;

namespace Sim.Explorer.NpuPimSweeps;

/// <summary>The CLI/YAML/CSV spelling of <see cref="NpuPimMode"/> and <see cref="SubBatching"/>.</summary>
public static class NpuPimModeNames
{
    public static IReadOnlyList<NpuPimMode> All { get; } = [NpuPimMode.NpuOnly, NpuPimMode.Blocked, NpuPimMode.NeuPims];

    public static string ToName(this NpuPimMode mode) => mode switch
    {
        NpuPimMode.NpuOnly => "npu-only",
        NpuPimMode.Blocked => "blocked",
        NpuPimMode.NeuPims => "neupims",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string text, out NpuPimMode mode)
    {
        foreach (var candidate in All)
        {
            if (candidate.ToName() == text)
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    public static string ToName(this SubBatching policy) => policy == SubBatching.Always ? "always" : "when-it-helps";

    public static bool TryParseSubBatching(string text, out SubBatching policy)
    {
        policy = text == "always" ? SubBatching.Always : SubBatching.WhenItHelps;
        return text is "always" or "when-it-helps";
    }
}
