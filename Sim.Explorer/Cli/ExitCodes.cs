namespace Sim.Explorer.Cli;

/// <summary>Process exit codes: 0 success, 1 a check failed (e.g. a sweep point errored), 2 bad input, 3 the requested hardware target is not on this machine, 130 interrupted (Ctrl+C).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Unavailable = 3;
    public const int Interrupted = 130;
}
