using System.Globalization;
using ScottPlot;

namespace Sim.Explorer.Plots;

/// <summary>
/// ScottPlot 5 has no log axis: plots draw log-transformed values and these ticks put the untransformed values
/// back as labels. Arguments are the axis limits in log units.
/// </summary>
public static class LogTicks
{
    /// <summary>Majors at powers of 2 (every other one past 12 so labels don't collide), the rest as minors.</summary>
    public static Tick[] Log2(double low, double high)
    {
        int first = (int)Math.Ceiling(low);
        int last = (int)Math.Floor(high);
        int step = last - first > 12 ? 2 : 1;
        var ticks = new List<Tick>();
        for (int k = first; k <= last; k++)
        {
            ticks.Add(k % step == 0
                ? Tick.Major(k, Math.Pow(2, k).ToString("0.###", CultureInfo.InvariantCulture))
                : Tick.Minor(k));
        }

        return [.. ticks];
    }

    /// <summary>
    /// Majors at powers of 10, plus 2× and 5× when the axis spans under four decades (else there would be ≤ 4
    /// labels); minors at the other integer multiples, which is what makes a log axis readable.
    /// </summary>
    public static Tick[] Log10(double low, double high)
    {
        bool dense = high - low < 4;
        var ticks = new List<Tick>();
        for (int k = (int)Math.Floor(low); k <= (int)Math.Ceiling(high); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                double position = k + Math.Log10(m);
                if (position < low || position > high)
                    continue;
                bool major = m == 1 || (dense && m is 2 or 5);
                ticks.Add(major ? Tick.Major(position, FormatSi(m * Math.Pow(10, k))) : Tick.Minor(position));
            }
        }

        return [.. ticks];
    }

    /// <summary>Compact engineering label: 500, 2k, 100k, 1M, 1.5G.</summary>
    public static string FormatSi(double value)
    {
        string[] prefixes = ["", "k", "M", "G", "T", "P"];
        int p = 0;
        double scaled = value;
        while (Math.Abs(scaled) >= 1000 - 1e-9 && p < prefixes.Length - 1)
        {
            scaled /= 1000;
            p++;
        }

        return scaled.ToString("0.##", CultureInfo.InvariantCulture) + prefixes[p];
    }
}
