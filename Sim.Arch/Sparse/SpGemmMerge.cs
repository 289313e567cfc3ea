namespace Sim.Arch.Sparse;

/// <summary>How a row-wise PE combines the partial products of one output row.</summary>
public enum SpGemmMerge
{
    /// <summary>SMASH-style: each partial product is an atomic read-modify-write into a hash table keyed by column.</summary>
    Hash,

    /// <summary>Dense sparse accumulator (SPA): an N-wide value array plus an occupied-column list.</summary>
    Dense,

    /// <summary>Gamma-style radix-R merge tree over the row's B fibers.</summary>
    Merger,
}
