using System.Text.Json.Serialization;

namespace Sim.Explorer.Sweeps;

/// <summary>
/// Source-generated JSON for journal lines: no reflection at run time, so writing and (on --resume or merge) reading
/// hundreds of MB of entries is several times faster. The format is System.Text.Json's default for the same types.
/// </summary>
// Named NaN/Infinity: a non-finite figure must not make a finished point unjournalable (it would escape as a crash).
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepJournal.Entry))]
internal sealed partial class JournalJson : JsonSerializerContext;
