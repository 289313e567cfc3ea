using Sim.Arch.Native;
using Sim.Core.Reference;
using Sim.Core.Sparse;
using AttentionOp = Sim.Core.Workloads.Attention;

namespace Sim.Explorer.Tests.Verify;

/// <summary>
/// A test double for a native target: computes every kernel with the reference oracles, optionally adding
/// <see cref="CorruptBy"/> to element <see cref="CorruptIndex"/> of every fp32 GEMM result (a wrong element), or,
/// with <see cref="Accumulates"/>, adding each int8 GEMM run's result onto the previous one (stale state across runs).
/// </summary>
internal sealed class FakeTarget(string name, IReadOnlySet<NativeKernel> kernels) : INativeTarget
{
    public string Name { get; } = name;

    public string Device => "test double";

    public NativeGemmBlocking GemmBlocking { get; } = new(1, 1, 1, 1, 1, 1);

    public int CorruptIndex { get; init; } = -1;

    public float CorruptBy { get; init; }

    public bool Accumulates { get; init; }

    public int Runs { get; private set; }

    public bool Disposed { get; private set; }

    public bool Supports(NativeKernel kernel, long macs) => kernels.Contains(kernel);

    public INativeRun<float[]> GemmF32(float[] a, float[] b, int m, int n, int k) => Prepared(() =>
    {
        var z = ReferenceGemm.Fp32(a, b, m, n, k);
        if (CorruptIndex >= 0 && CorruptIndex < z.Length)
            z[CorruptIndex] += CorruptBy;
        return z;
    });

    public INativeRun<int[]> GemmInt8(sbyte[] a, sbyte[] b, int m, int n, int k)
    {
        int[]? previous = null;
        return Prepared(() =>
        {
            var z = ReferenceGemm.Int8(a, b, m, n, k);
            if (Accumulates && previous is not null)
                z = [.. z.Select((x, i) => x + previous[i])];
            return previous = z;
        });
    }

    public INativeRun<float[]> Attention(AttentionOp op, float[] q, float[] k, float[] v) =>
        Prepared(() => ReferenceAttention.Run(op, q, k, v).Select(x => (float)x).ToArray());

    public INativeRun<CsrMatrix> SpGemm(CsrMatrix a, CsrMatrix b) => Prepared(() => ReferenceSpGemm.Multiply(a, b));

    public void Dispose() => Disposed = true;

    private Run<T> Prepared<T>(Func<T> compute) => new(this, compute);

    private sealed class Run<T>(FakeTarget owner, Func<T> compute) : INativeRun<T>
    {
        private T? _result;

        void INativeRun<T>.Run()
        {
            owner.Runs++;
            _result = compute();
        }

        public T Result() => _result ?? throw new InvalidOperationException("Result() before Run()");

        public void Dispose()
        {
        }
    }
}
