using Sim.Arch.Folding;
using Sim.Core.Hardware;
using Sim.Core.Workloads;

namespace Sim.Arch.Memory;

/// <summary>DRAM bytes per operand and the stall cycles they cause.</summary>
public readonly record struct DramTraffic(long StallCycles, long IfmapBytes, long FilterBytes, long OfmapWriteBytes, long OfmapReadBytes);

/// <summary>
/// Walks a GEMM's folds (column folds outer, row folds inner, as SCALE-Sim runs them) through a <see cref="DramPipeline"/>
/// with these reuse rules: an input operand that fits its whole scratchpad is fetched once (it stays resident, so it
/// needs no second buffer); otherwise its tile is re-fetched whenever a fold needs a different tile than the fold
/// before. An output tile that accumulates over K folds (WS/IS) stays on chip if it fits half the ofmap scratchpad
/// (the other half drains the previous tile); otherwise partial sums spill to DRAM and are read back.
/// <para>
/// Folds 1 … n−2 of a loop have identical inputs. Once one of them leaves the pipeline state as it found it, every
/// later one would add exactly the same stall and bytes, so the walk adds them in one step: the cost is O(1) per loop
/// level instead of O(folds), with results identical to the fold-by-fold walk (<c>collapseRepeats: false</c>).
/// </para>
/// </summary>
public sealed class FoldTraffic
{
    private readonly FoldGeometry _g;
    private readonly GemmShape _gemm;
    private readonly ArchSpec _arch;
    private readonly long _partialSumBytes;
    private readonly Func<int, int, long> _foldCycles;
    private readonly bool _collapseRepeats;
    private readonly bool _ifmapResident;
    private readonly bool _filterResident;
    private DramPipeline _pipe;
    private long _ifmap, _filter, _ofmapWrites, _ofmapReads;

    private FoldTraffic(FoldGeometry g, GemmShape gemm, ArchSpec arch, int partialSumBytes, Func<int, int, long> foldCycles, bool collapseRepeats)
    {
        (_g, _gemm, _arch, _partialSumBytes, _foldCycles, _collapseRepeats) = (g, gemm, arch, partialSumBytes, foldCycles, collapseRepeats);
        long w = arch.WordBytes;
        _ifmapResident = checked(gemm.M * gemm.K * w) <= arch.Scratchpad.IfmapBytes;
        _filterResident = checked(gemm.K * gemm.N * w) <= arch.Scratchpad.FilterBytes;
        _pipe = new DramPipeline(arch.Dram);
    }

    /// <param name="partialSumBytes">Bytes per partial sum (<see cref="PartialSumWidth"/>).</param>
    /// <param name="foldCycles">Compute cycles of a fold with the given numbers of active grid rows and columns.</param>
    public static DramTraffic Compute(FoldGeometry g, GemmShape gemm, ArchSpec arch, int partialSumBytes, Func<int, int, long> foldCycles, bool collapseRepeats = true)
    {
        ArgumentNullException.ThrowIfNull(arch);
        ArgumentNullException.ThrowIfNull(foldCycles);
        ArgumentOutOfRangeException.ThrowIfLessThan(partialSumBytes, arch.WordBytes);
        var walk = new FoldTraffic(g, gemm, arch, partialSumBytes, foldCycles, collapseRepeats);
        walk.Walk(g.ColFolds, cf => walk.Walk(g.RowFolds, rf => walk.Fold(cf, rf)));
        return new DramTraffic(walk._pipe.Finish(), walk._ifmap, walk._filter, walk._ofmapWrites, walk._ofmapReads);
    }

    private (DramPipeline.PipelineState State, long Stall, long I, long F, long W, long R) Snapshot() =>
        (_pipe.State, _pipe.StallCycles, _ifmap, _filter, _ofmapWrites, _ofmapReads);

    private void Walk(long count, Action<long> step)
    {
        for (long i = 0; i < count; i++)
        {
            var before = Snapshot();
            step(i);
            var repeats = count - 2 - i; // middle steps still to come
            if (!_collapseRepeats || i < 1 || repeats <= 0)
                continue;
            var after = Snapshot();
            if (after.State != before.State)
                continue;
            _pipe.AddStallCycles(checked((after.Stall - before.Stall) * repeats));
            _ifmap = checked(_ifmap + (after.I - before.I) * repeats);
            _filter = checked(_filter + (after.F - before.F) * repeats);
            _ofmapWrites = checked(_ofmapWrites + (after.W - before.W) * repeats);
            _ofmapReads = checked(_ofmapReads + (after.R - before.R) * repeats);
            i += repeats;
        }
    }

    private void Fold(long cf, long rf)
    {
        long w = _arch.WordBytes;
        long rows = _g.ActiveRows(rf), cols = _g.ActiveCols(cf);
        // The row-fold operand's tile changes with the inner loop unless there is a single row fold.
        var innerChanges = rf > 0 || cf == 0 || _g.RowFolds > 1;
        long readI = 0, readF = 0, readZ = 0, writeZ = 0;
        switch (_g.Dataflow)
        {
            case Dataflow.Os:
                // A[rows, K] changes with the row fold; B[K, cols] with the column fold.
                if (innerChanges && (!_ifmapResident || cf == 0)) readI = rows * _gemm.K * w;
                if (rf == 0) readF = _gemm.K * cols * w;
                writeZ = rows * cols * w;
                break;
            case Dataflow.Ws:
                // B[rows(K), cols(N)] is new every fold; A[M, rows(K)] changes with the row fold.
                readF = rows * cols * w;
                if (innerChanges && (!_ifmapResident || cf == 0)) readI = _gemm.M * rows * w;
                (readZ, writeZ) = PartialSums(_gemm.M * cols, rf);
                break;
            case Dataflow.Is:
                // A[cols(M), rows(K)] is new every fold; B[rows(K), N] changes with the row fold.
                readI = rows * cols * w;
                if (innerChanges && (!_filterResident || cf == 0)) readF = rows * _gemm.N * w;
                (readZ, writeZ) = PartialSums(cols * _gemm.N, rf);
                break;
        }

        _pipe.AddFold(_foldCycles((int)rows, (int)cols), checked(readI + readF + readZ), writeZ);
        _ifmap += readI;
        _filter += readF;
        _ofmapReads += readZ;
        _ofmapWrites += writeZ;
    }

    /// <summary>
    /// An output tile accumulating over the K folds: kept on chip if it fits half the ofmap scratchpad (written once,
    /// after the last K fold); otherwise every K fold writes it and every later one reads it back.
    /// </summary>
    private (long ReadBytes, long WriteBytes) PartialSums(long elements, long kFold)
    {
        var last = kFold == _g.RowFolds - 1;
        var outputBytes = checked(elements * _arch.WordBytes);
        var partialBytes = checked(elements * _partialSumBytes);
        if (partialBytes <= _arch.Scratchpad.OfmapBytes / 2)
            return (0, last ? outputBytes : 0);
        return (kFold > 0 ? partialBytes : 0, last ? outputBytes : partialBytes);
    }
}
