namespace Sim.Arch.Native;

/// <summary>The kernels a native target can run; the same ops the simulator's functional paths execute.</summary>
public enum NativeKernel
{
    /// <summary>Z[M,N] = A[M,K]·B[K,N], fp32, row-major.</summary>
    GemmF32,

    /// <summary>Z[M,N] = A[M,K]·B[K,N], int8 operands, exact int32 accumulation, row-major.</summary>
    GemmInt8,

    /// <summary>Scaled dot-product attention (MHA/GQA/MQA, optional causal mask), fp32, layout as <see cref="Attention.AttentionExecutor"/>.</summary>
    Attention,

    /// <summary>Sparse × sparse (CSR × CSR → CSR, sorted columns; as <c>ReferenceSpGemm</c>, every entry that receives a product is kept, even one that cancels to 0).</summary>
    SpGemm,
}
