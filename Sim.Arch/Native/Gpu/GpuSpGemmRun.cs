using ILGPU;
using ILGPU.Runtime;
using Sim.Core.Sparse;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// A prepared SpGEMM on an accelerator: both CSR operands copied once. <see cref="Run"/> is the whole GPU algorithm —
/// the symbolic pass, the row bounds read back to size the hash tables (allocated on the first run: the same operands
/// always need the same tables), the numeric pass — and waits. <see cref="Result"/> copies the tables back and
/// compacts each row's occupied slots, sorted by column, into a <see cref="CsrMatrix"/>.
/// </summary>
internal sealed class GpuSpGemmRun : INativeRun<CsrMatrix>
{
    private readonly GpuKernels _kernels;
    private readonly int _rows, _cols;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _aPointers, _aColumns, _bPointers, _bColumns, _bounds;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _aValues, _bValues;
    private MemoryBuffer1D<long, Stride1D.Dense>? _offsets;
    private MemoryBuffer1D<int, Stride1D.Dense>? _slotColumns;
    private MemoryBuffer1D<double, Stride1D.Dense>? _slotValues;
    private long[] _hostOffsets = [];
    private bool _ran;

    public GpuSpGemmRun(GpuKernels kernels, CsrMatrix a, CsrMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"A is {a.Rows}×{a.Cols} but B is {b.Rows}×{b.Cols}: inner dimensions differ", nameof(b));
        var accelerator = kernels.Accelerator;
        (_kernels, _rows, _cols) = (kernels, a.Rows, b.Cols);
        _aPointers = GpuBuffers.Upload(accelerator, a.RowPointers.ToArray());
        _aColumns = GpuBuffers.Upload(accelerator, a.ColumnIndices.ToArray());
        _aValues = GpuBuffers.Upload(accelerator, a.Values.ToArray());
        _bPointers = GpuBuffers.Upload(accelerator, b.RowPointers.ToArray());
        _bColumns = GpuBuffers.Upload(accelerator, b.ColumnIndices.ToArray());
        _bValues = GpuBuffers.Upload(accelerator, b.Values.ToArray());
        _bounds = accelerator.Allocate1D<int>(Math.Max(1, a.Rows));
    }

    public void Run()
    {
        _ran = true;
        if (_rows == 0)
            return;
        _kernels.SpGemmSymbolic(_rows, _aPointers.View, _aColumns.View, _bPointers.View, _bounds.View);
        var bounds = _bounds.View.SubView(0, _rows).GetAsArray1D();
        if (_offsets is null)
            AllocateTables(bounds);
        _kernels.SpGemmNumeric(_rows, _aPointers.View, _aColumns.View, _aValues.View, _bPointers.View, _bColumns.View, _bValues.View,
            _offsets!.View, _slotColumns!.View, _slotValues!.View);
        _kernels.Accelerator.Synchronize();
    }

    private void AllocateTables(int[] bounds)
    {
        _hostOffsets = new long[_rows + 1];
        for (var i = 0; i < _rows; i++)
            _hostOffsets[i + 1] = checked(_hostOffsets[i] + SpGemmKernel.Capacity(bounds[i]));
        _offsets = GpuBuffers.Upload(_kernels.Accelerator, _hostOffsets);
        _slotColumns = _kernels.Accelerator.Allocate1D<int>(Math.Max(1, _hostOffsets[_rows]));
        _slotValues = _kernels.Accelerator.Allocate1D<double>(Math.Max(1, _hostOffsets[_rows]));
    }

    public CsrMatrix Result()
    {
        if (!_ran)
            throw new InvalidOperationException("Result() before Run(): nothing has been computed");
        if (_rows == 0)
            return new CsrMatrix(0, _cols, [0], [], []);
        var columns = _slotColumns!.GetAsArray1D();
        var values = _slotValues!.GetAsArray1D();
        var pointers = new int[_rows + 1];
        var outColumns = new List<int>();
        var outValues = new List<double>();
        var row = new List<(int Column, double Value)>();
        for (var i = 0; i < _rows; i++)
        {
            row.Clear();
            for (var s = _hostOffsets[i]; s < _hostOffsets[i + 1]; s++)
            {
                if (columns[s] != SpGemmKernel.EmptySlot)
                    row.Add((columns[s], values[s]));
            }

            row.Sort((x, y) => x.Column.CompareTo(y.Column));
            foreach (var (column, value) in row)
            {
                outColumns.Add(column);
                outValues.Add(value);
            }

            pointers[i + 1] = outColumns.Count;
        }

        return new CsrMatrix(_rows, _cols, pointers, [.. outColumns], [.. outValues]);
    }

    public void Dispose()
    {
        foreach (var buffer in (MemoryBuffer[])[_aPointers, _aColumns, _aValues, _bPointers, _bColumns, _bValues, _bounds])
            buffer.Dispose();
        _offsets?.Dispose();
        _slotColumns?.Dispose();
        _slotValues?.Dispose();
    }
}
