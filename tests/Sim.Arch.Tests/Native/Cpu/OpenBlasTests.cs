using Sim.Arch.Native;
using Sim.Arch.Native.Cpu;

namespace Sim.Arch.Tests.Native.Cpu;

/// <summary>
/// OpenBLAS is optional: when libopenblas.so.0 loads its SGEMM must meet the same bound as ours; when a library cannot
/// be loaded the probe says so with the install fix (simulated with a name that does not exist).
/// </summary>
public class OpenBlasTests
{
    [Fact]
    public void A_library_that_does_not_load_is_missing_with_the_install_fix()
    {
        var probe = OpenBlasTarget.Probe("libopenblas-does-not-exist.so.0");
        Assert.Null(probe.Target);
        Assert.Equal("openblas", probe.Name);
        Assert.Contains("libopenblas-does-not-exist.so.0", probe.Unavailable, StringComparison.Ordinal);
        Assert.Contains("Fix: apt-get install libopenblas0-pthread", probe.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_without_cblas_is_missing_too()
    {
        // libm loads but exports no cblas_sgemm.
        var probe = OpenBlasTarget.Probe("libm.so.6");
        Assert.Null(probe.Target);
        Assert.Contains("no cblas_sgemm", probe.Unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void When_installed_its_sgemm_is_within_the_dot_product_bound()
    {
        var probe = OpenBlasTarget.Probe();
        if (probe.Target is not OpenBlasTarget target)
        {
            // Not installed here: the reason is the one users see (the test above pins its wording).
            Assert.Contains("Fix:", probe.Unavailable, StringComparison.Ordinal);
            return;
        }

        using (target)
        {
            Assert.True(target.Supports(NativeKernel.GemmF32, 1));
            Assert.False(target.Supports(NativeKernel.GemmInt8, 1));
            Assert.Null(target.GemmBlocking.Problem());
            Assert.False(string.IsNullOrEmpty(target.Library.CoreName));
            foreach (var (m, n, k) in new[] { (1, 1, 1), (13, 33, 17), (97, 101, 103) })
            {
                var (a, b) = GemmF32Tests.Operands(m, n, k, seed: m + n + k);
                using var run = target.GemmF32(a, b, m, n, k);
                run.Run();
                GemmF32Tests.AssertWithinBound(a, b, m, n, k, run.Result(), "openblas");
            }
        }
    }
}
