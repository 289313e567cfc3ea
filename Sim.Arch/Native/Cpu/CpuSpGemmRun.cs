using Sim.Core.Sparse;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// Prepared CSR × CSR (Gustavson, row-wise): row i of C = Σ_{k ∈ A[i,:]} A[i,k]·B[k,:], accumulated in a dense row of
/// B.Cols doubles with a list of touched columns, which is sorted when the row is emitted. Threads take contiguous row
/// ranges (static, equal row counts) and their pieces are concatenated in row order, so the output is deterministic.
/// Products are added in the order <see cref="ReferenceSpGemm"/> adds them (A's columns ascending, then B's), so values
/// match it bit for bit, and every touched position is kept even when it sums to zero (structural, as the oracle).
/// Accumulators are allocated once per thread here; the output, whose size is known only after the run, is built in Run.
/// </summary>
public sealed class CpuSpGemmRun : INativeRun<CsrMatrix>
{
    private readonly CsrMatrix _a;
    private readonly CsrMatrix _b;
    private readonly int _threads;
    private readonly double[][] _dense;
    private readonly int[][] _marks;
    private readonly int[][] _touched;
    private CsrMatrix? _result;

    public CpuSpGemmRun(CsrMatrix a, CsrMatrix b, int threads)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"A is {a.Rows}×{a.Cols} but B is {b.Rows}×{b.Cols}: inner dimensions differ", nameof(b));
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        (_a, _b, _threads) = (a, b, threads);
        _dense = [.. Enumerable.Range(0, threads).Select(_ => new double[b.Cols])];
        _marks = [.. Enumerable.Range(0, threads).Select(_ => new int[b.Cols])];
        _touched = [.. Enumerable.Range(0, threads).Select(_ => new int[b.Cols])];
    }

    public void Run()
    {
        var pieces = new (int[] RowCounts, List<int> Columns, List<double> Values)[_threads];
        Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, t => pieces[t] = Rows(t));
        var pointers = new int[_a.Rows + 1];
        var row = 0;
        foreach (var piece in pieces)
        {
            foreach (var count in piece.RowCounts)
            {
                pointers[row + 1] = pointers[row] + count;
                row++;
            }
        }

        var columns = new int[pointers[_a.Rows]];
        var values = new double[columns.Length];
        var offset = 0;
        foreach (var piece in pieces)
        {
            piece.Columns.CopyTo(columns, offset);
            piece.Values.CopyTo(values, offset);
            offset += piece.Columns.Count;
        }

        _result = new CsrMatrix(_a.Rows, _b.Cols, pointers, columns, values);
    }

    public CsrMatrix Result() => _result ?? throw new InvalidOperationException("Run() has not been called");

    public void Dispose()
    {
        // Managed buffers only.
    }

    private (int[] RowCounts, List<int> Columns, List<double> Values) Rows(int thread)
    {
        var perThread = (_a.Rows + _threads - 1) / _threads;
        var start = Math.Min(_a.Rows, thread * perThread);
        var end = Math.Min(_a.Rows, start + perThread);
        var (dense, marks, touched) = (_dense[thread], _marks[thread], _touched[thread]);
        // Marks hold row + 1 of the last row that touched a column, so they need no clearing between rows or runs
        // (a fresh run starts from a cleared array: rows are revisited with the same stamps).
        Array.Clear(marks);
        var counts = new int[end - start];
        var columns = new List<int>();
        var values = new List<double>();
        for (var i = start; i < end; i++)
        {
            var stamp = i + 1;
            var used = 0;
            var aColumns = _a.RowColumns(i);
            var aValues = _a.RowValues(i);
            for (var p = 0; p < aColumns.Length; p++)
            {
                var bColumns = _b.RowColumns(aColumns[p]);
                var bValues = _b.RowValues(aColumns[p]);
                var scale = aValues[p];
                for (var q = 0; q < bColumns.Length; q++)
                {
                    var j = bColumns[q];
                    if (marks[j] != stamp)
                    {
                        marks[j] = stamp;
                        dense[j] = 0;
                        touched[used++] = j;
                    }

                    dense[j] += scale * bValues[q];
                }
            }

            var rowColumns = touched.AsSpan(0, used);
            rowColumns.Sort();
            foreach (var j in rowColumns)
            {
                columns.Add(j);
                values.Add(dense[j]);
            }

            counts[i - start] = used;
        }

        return (counts, columns, values);
    }
}
