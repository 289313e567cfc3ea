using Sim.Arch.Native;

namespace Sim.Explorer.Verify;

/// <summary>One problem of the suite: its oracle, the simulator paths it runs and the native kernel it asks targets for.</summary>
public interface IVerifyCase
{
    string Name { get; }

    IReadOnlyList<SimulatedPath> Paths { get; }

    /// <summary>Every simulated path, then every target (one row each; Skipped where the target does not support it).</summary>
    IEnumerable<VerifyCheck> Run(IReadOnlyList<INativeTarget> targets);
}
