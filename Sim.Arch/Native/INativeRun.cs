namespace Sim.Arch.Native;

/// <summary>
/// One prepared kernel invocation: operands are already where the kernel reads them (packed, or copied to the device),
/// so <see cref="Run"/> times the kernel alone. <see cref="Run"/> may be called many times (warm-up, repetitions) and
/// returns only when the work is complete (a GPU run synchronises). <see cref="Result"/> copies the last run's output
/// back to host memory.
/// </summary>
public interface INativeRun<out T> : IDisposable
{
    void Run();

    T Result();
}
