namespace Sim.Explorer.Cli;

/// <summary>Process exit codes: 0 success, 1 a check failed (e.g. a verify mismatch), 2 bad input.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
