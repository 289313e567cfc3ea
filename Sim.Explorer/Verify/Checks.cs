using Sim.Arch.Native;

namespace Sim.Explorer.Verify;

/// <summary>Runs one path under a guard: a path that throws is a mismatch with the exception as its note, not a crash.</summary>
public static class Checks
{
    public static VerifyCheck Simulated(string caseName, string path, Func<Comparison> compare, string note = "") =>
        Guard(caseName, path, VerifyCheck.SimulatorTarget, compare, note);

    /// <summary>
    /// Asks <paramref name="target"/> for <paramref name="kernel"/>; Skipped when it does not support the size. The
    /// prepared run runs twice before its result is read: <see cref="INativeRun{T}.Run"/> must be repeatable (the bench
    /// times repeated runs), so a kernel that accumulates into its output or keeps stale state fails here.
    /// </summary>
    public static VerifyCheck Native<T>(string caseName, INativeTarget target, NativeKernel kernel, long macs,
        Func<INativeTarget, INativeRun<T>> prepare, Func<T, Comparison> compare)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = $"native {PathName(kernel)}";
        if (!target.Supports(kernel, macs))
            return new(caseName, path, target.Name, double.NaN, double.NaN, double.NaN, VerifyStatus.Skipped, "not supported at this size");
        return Guard(caseName, path, target.Name, () =>
        {
            using var run = prepare(target);
            run.Run();
            run.Run();
            return compare(run.Result());
        }, "");
    }

    public static string PathName(NativeKernel kernel) => kernel switch
    {
        NativeKernel.GemmF32 => "gemm fp32",
        NativeKernel.GemmInt8 => "gemm int8",
        NativeKernel.Attention => "attention",
        NativeKernel.SpGemm => "spgemm",
        _ => kernel.ToString(),
    };

    private static VerifyCheck Guard(string caseName, string path, string target, Func<Comparison> compare, string note)
    {
        try
        {
            return VerifyCheck.From(caseName, path, target, compare(), note);
        }
#pragma warning disable CA1031 // a failing path is a row of the table, whatever it threw
        catch (Exception e)
#pragma warning restore CA1031
        {
            return VerifyCheck.From(caseName, path, target, Comparison.Failed($"threw {e.GetType().Name}: {e.Message}"), note);
        }
    }
}
