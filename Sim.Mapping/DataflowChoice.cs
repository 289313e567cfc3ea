using Sim.Core.Hardware;
using Sim.Core.Results;

namespace Sim.Mapping;

/// <summary>The chosen dataflow for one op, with every candidate's result so the choice can be audited.</summary>
public sealed record DataflowChoice(Dataflow Dataflow, OpResult Result, IReadOnlyList<(Dataflow Dataflow, OpResult Result)> Candidates);
