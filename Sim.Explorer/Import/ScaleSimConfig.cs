using Sim.Core.Hardware;

namespace Sim.Explorer.Import;

/// <summary>A SCALE-Sim v2 <c>.cfg</c> as Sim sees it: the run's name and the accelerator it describes.</summary>
public sealed record ScaleSimConfig(string RunName, ArchSpec Arch);
