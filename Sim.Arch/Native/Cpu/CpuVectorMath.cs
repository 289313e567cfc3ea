using System.Runtime.Intrinsics;

namespace Sim.Arch.Native.Cpu;

/// <summary>The few fp32 vector loops attention needs, on the requested instruction path (scalar tails).</summary>
internal static unsafe class CpuVectorMath
{
    public static float Dot(float* x, float* y, int n, CpuIsa isa)
    {
        var i = 0;
        var sum = 0f;
        if (isa == CpuIsa.Vector512)
        {
            var acc = Vector512<float>.Zero;
            for (; i + 16 <= n; i += 16)
                acc = Vector512.FusedMultiplyAdd(Vector512.Load(x + i), Vector512.Load(y + i), acc);
            sum = Vector512.Sum(acc);
        }
        else if (isa == CpuIsa.Vector256)
        {
            var acc = Vector256<float>.Zero;
            for (; i + 8 <= n; i += 8)
                acc = Vector256.FusedMultiplyAdd(Vector256.Load(x + i), Vector256.Load(y + i), acc);
            sum = Vector256.Sum(acc);
        }

        for (; i < n; i++)
            sum += x[i] * y[i];
        return sum;
    }

    /// <summary>acc = acc·<paramref name="scale"/> + <paramref name="weight"/>·v.</summary>
    public static void ScaleAdd(float* acc, float scale, float weight, float* v, int n, CpuIsa isa)
    {
        var i = 0;
        if (isa == CpuIsa.Vector512)
        {
            var s = Vector512.Create(scale);
            var w = Vector512.Create(weight);
            for (; i + 16 <= n; i += 16)
                Vector512.FusedMultiplyAdd(w, Vector512.Load(v + i), Vector512.Load(acc + i) * s).Store(acc + i);
        }
        else if (isa == CpuIsa.Vector256)
        {
            var s = Vector256.Create(scale);
            var w = Vector256.Create(weight);
            for (; i + 8 <= n; i += 8)
                Vector256.FusedMultiplyAdd(w, Vector256.Load(v + i), Vector256.Load(acc + i) * s).Store(acc + i);
        }

        for (; i < n; i++)
            acc[i] = acc[i] * scale + weight * v[i];
    }
}
