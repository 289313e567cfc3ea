using Sim.Arch.Systolic;
using Sim.Core.Hardware;

namespace Sim.Arch.Tests.Systolic;

public class SystolicExecutorTests
{
    public static TheoryData<int, int, int, int, int, Dataflow> Cases()
    {
        var data = new TheoryData<int, int, int, int, int, Dataflow>();
        foreach (var df in new[] { Dataflow.Os, Dataflow.Ws, Dataflow.Is })
        {
            data.Add(1, 1, 1, 4, 4, df);
            data.Add(7, 5, 3, 4, 4, df);     // every fold partial
            data.Add(1, 100, 300, 32, 8, df);  // GEMV
            data.Add(100, 30, 100, 32, 8, df); // odd shapes on a non-square array
            data.Add(64, 64, 64, 16, 16, df);  // exact fit
            data.Add(33, 17, 65, 8, 32, df);   // wide array
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Int8_result_equals_reference_exactly(int m, int n, int k, int rows, int cols, Dataflow df)
    {
        ExecutorOracle.AssertInt8MatchesReference(m, n, k, (a, b, m, n, k) => SystolicExecutor.RunInt8(new SystolicSpec(rows, cols, df), a, b, m, n, k));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fp32_result_is_within_1e5_relative_of_reference(int m, int n, int k, int rows, int cols, Dataflow df)
    {
        ExecutorOracle.AssertFp32WithinScaledTolerance(m, n, k, 1e-5, (a, b, m, n, k) => SystolicExecutor.RunFp32(new SystolicSpec(rows, cols, df), a, b, m, n, k));
    }

    [Theory]
    [InlineData(Dataflow.Os)]
    [InlineData(Dataflow.Ws)]
    [InlineData(Dataflow.Is)]
    public void Fp32_with_k_1000_is_within_1e5_elementwise_relative(Dataflow df)
    {
        ExecutorOracle.AssertFp32PositiveK1000WithinElementwiseTolerance(1e-5, (a, b, m, n, k) => SystolicExecutor.RunFp32(new SystolicSpec(32, 8, df), a, b, m, n, k));
    }

    [Fact]
    public void Int8_extremes_accumulate_without_overflow()
    {
        const int k = 1000;
        var a = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var b = Enumerable.Repeat((sbyte)-128, k).ToArray();
        var z = SystolicExecutor.RunInt8(new SystolicSpec(4, 4, Dataflow.Ws), a, b, 1, 1, k);
        Assert.Equal(16384 * k, z[0]);
    }
}
