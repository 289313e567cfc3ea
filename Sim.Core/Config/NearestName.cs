namespace Sim.Core.Config;

/// <summary>
/// "Did you mean" for a mistyped name: the closest known name by edit distance (ties: the first listed), if it is within
/// 3 edits. Used for YAML keys, sweep metrics and axes alike.
/// </summary>
public static class NearestName
{
    public static string Hint(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nearest = known.OrderBy(k => Distance(k, name)).FirstOrDefault();
        return nearest is not null && Distance(nearest, name) <= 3 ? $"did you mean '{nearest}'? " : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        }

        return d[a.Length, b.Length];
    }
}
