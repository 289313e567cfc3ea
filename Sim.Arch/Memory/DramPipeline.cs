using Sim.Core.Hardware;

namespace Sim.Arch.Memory;

/// <summary>
/// A bandwidth-limited DRAM behind double-buffered scratchpads, fed one fold at a time.
/// While fold i computes, DRAM fetches fold i+1's new operand bytes and writes back fold i−1's outputs; if that
/// takes longer than fold i's compute cycles the array stalls for the difference. The first fold's operands are
/// loaded up front and the last fold's outputs drained at the end, both exposed. A read transfer pays the access
/// latency once (requests are pipelined); writes are posted.
/// </summary>
public struct DramPipeline
{
    private readonly double _bytesPerCycle;
    private readonly long _latencyCycles;
    private long _folds;
    private long _previousComputeCycles;
    private long _writesOneBack;
    private long _writesTwoBack;

    public DramPipeline(DramSpec dram)
    {
        ArgumentNullException.ThrowIfNull(dram);
        _bytesPerCycle = dram.BandwidthBytesPerCycle;
        _latencyCycles = dram.LatencyCycles;
    }

    public long StallCycles { get; private set; }

    /// <summary>Adds the next fold: its compute time, the bytes it needs fetched first, the bytes it writes back after.</summary>
    public void AddFold(long computeCycles, long readBytes, long writeBytes)
    {
        if (_folds == 0)
        {
            StallCycles += TransferCycles(readBytes, 0);
        }
        else
        {
            // Fold i's reads and fold i-2's writeback share fold i-1's compute window.
            StallCycles += Math.Max(0, TransferCycles(readBytes, _writesTwoBack) - _previousComputeCycles);
        }

        _writesTwoBack = _writesOneBack;
        _writesOneBack = writeBytes;
        _previousComputeCycles = computeCycles;
        _folds++;
    }

    /// <summary>Closes the pipeline: the second-to-last writeback overlaps the last fold; the last one is exposed.</summary>
    public long Finish()
    {
        if (_folds > 0)
        {
            StallCycles += Math.Max(0, TransferCycles(0, _writesTwoBack) - _previousComputeCycles);
            StallCycles += TransferCycles(0, _writesOneBack);
            _folds = 0;
            _writesOneBack = _writesTwoBack = 0;
        }

        return StallCycles;
    }

    private readonly long TransferCycles(long readBytes, long writeBytes)
    {
        var bytes = readBytes + writeBytes;
        if (bytes == 0)
            return 0;
        return (readBytes > 0 ? _latencyCycles : 0) + (long)Math.Ceiling(bytes / _bytesPerCycle);
    }
}
