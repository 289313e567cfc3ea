namespace Sim.Core.Config;

/// <summary>
/// Bad user input (a config file, CSV, flag). The message names the file, the line and field, and the fix;
/// the CLI prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class SimInputException : Exception
{
    public SimInputException(string message) : base(message) { }

    public SimInputException(string message, Exception inner) : base(message, inner) { }

    public SimInputException() { }

    /// <summary>Formats "file:line:col: field 'x': problem. Fix: ..." (line/col omitted when unknown).</summary>
    public static SimInputException At(string file, long line, long column, string field, string problem, string fix)
    {
        var where = line > 0 ? $"{file}:{line}:{column}" : file;
        var what = string.IsNullOrEmpty(field) ? problem : $"field '{field}': {problem}";
        return new SimInputException($"{where}: {what}. Fix: {fix}");
    }
}
