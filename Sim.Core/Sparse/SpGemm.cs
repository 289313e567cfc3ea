namespace Sim.Core.Sparse;

/// <summary>
/// The SpGEMM workload C[M,N] = A[M,K]·B[K,N] over real sparse operands. Not a dense <c>Op</c>: a GEMM shape says
/// nothing about its cost, the operands' structure does.
/// </summary>
public sealed record SpGemm
{
    /// <exception cref="ArgumentException">A.Cols ≠ B.Rows.</exception>
    public SpGemm(string name, CsrMatrix a, string aName, CsrMatrix b, string bName)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Cols != b.Rows)
            throw new ArgumentException($"{aName} is {a.Rows}×{a.Cols} but {bName} is {b.Rows}×{b.Cols}: A's columns must equal B's rows", nameof(b));
        Name = name;
        A = a;
        AName = aName;
        B = b;
        BName = bName;
    }

    public string Name { get; }

    public CsrMatrix A { get; }

    public string AName { get; }

    public CsrMatrix B { get; }

    public string BName { get; }

    public int M => A.Rows;

    public int K => A.Cols;

    public int N => B.Cols;
}
