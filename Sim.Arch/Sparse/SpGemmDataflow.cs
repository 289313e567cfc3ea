namespace Sim.Arch.Sparse;

/// <summary>The loop order of C = A·B: inner product (i,j,k), outer product (k,i,j), row-wise / Gustavson (i,k,j).</summary>
public enum SpGemmDataflow
{
    Inner,
    Outer,
    RowWise,
}
