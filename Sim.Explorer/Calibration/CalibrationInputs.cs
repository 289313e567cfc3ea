using Sim.Core.Sparse;

namespace Sim.Explorer.Calibration;

/// <summary>Deterministic operands for the measured kernels (timing does not depend on the values, only on the shapes).</summary>
public static class CalibrationInputs
{
    public static float[] Dense(long count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (long i = 0; i < count; i++)
            values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    public static CsrMatrix Sparse(SparseOperand operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        var random = new Random(operand.Seed);
        var perRow = Math.Min(operand.NnzPerRow, operand.Cols);
        var triplets = new List<(int, int, double)>(operand.Rows * perRow);
        var columns = new HashSet<int>();
        for (int row = 0; row < operand.Rows; row++)
        {
            columns.Clear();
            while (columns.Count < perRow)
                columns.Add(random.Next(operand.Cols));
            foreach (var col in columns.Order())
                triplets.Add((row, col, random.NextDouble() + 0.5));
        }

        return CsrMatrix.FromTriplets(operand.Rows, operand.Cols, triplets);
    }
}
