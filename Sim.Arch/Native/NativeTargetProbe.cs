namespace Sim.Arch.Native;

/// <summary>The outcome of looking for one native target: the target, or why it is not here (with the fix).</summary>
public sealed record NativeTargetProbe(string Name, INativeTarget? Target, string? Unavailable)
{
    public static NativeTargetProbe Found(INativeTarget target) => new(target.Name, target, null);

    public static NativeTargetProbe Missing(string name, string why) => new(name, null, why);
}
