using System.Runtime.InteropServices;

namespace Sim.Arch.Native.Cpu;

/// <summary>What this CPU is called, for tables and calibration files.</summary>
public static class CpuInfo
{
    /// <summary>The first "model name" line of /proc/cpuinfo (Linux), else the process architecture.</summary>
    public static string ModelName { get; } = ReadModelName();

    private static string ReadModelName()
    {
        const string CpuInfoPath = "/proc/cpuinfo";
        if (File.Exists(CpuInfoPath))
        {
            foreach (var line in File.ReadLines(CpuInfoPath))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                    return line[(colon + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
